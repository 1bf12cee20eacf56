use thiserror::Error;

/// Why two records are not compared.
#[derive(Debug, Error)]
pub enum DiffError {
    /// Two identifiers known on both sides disagree (see [`crate::same_school`]).
    #[error("{}", sop_i18n::t!("diff-not-same-school", reason = reason))]
    DifferentSchool { reason: String },
}
