use thiserror::Error;

/// Why a document yields no record.
#[derive(Debug, Error)]
pub enum NormalizeError {
    #[error("not an SOP: {reason}")]
    NotAnSop { reason: String },
    #[error("unrecognised template: the closest is {closest} with score {score:.2}")]
    UnrecognisedTemplate { closest: String, score: f64 },
}
