use thiserror::Error;

/// Why two records are not compared.
#[derive(Debug, Error)]
pub enum DiffError {
    /// Two identifiers known on both sides disagree (see [`crate::same_school`]).
    #[error("not the same school: {reason}")]
    DifferentSchool { reason: String },
}
