use thiserror::Error;

/// Why a document yields no record.
#[derive(Debug, Error)]
pub enum NormalizeError {
    #[error("{}", sop_i18n::t!("normalize-not-an-sop", reason = reason))]
    NotAnSop { reason: String },
    #[error("{}", sop_i18n::t!("normalize-unrecognised", closest = closest, score = format!("{score:.2}")))]
    UnrecognisedTemplate { closest: String, score: f64 },
}
