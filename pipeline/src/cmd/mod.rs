//! One module per subcommand.
pub mod archive;
pub mod assign;
pub mod detect;
pub mod diff;
pub mod extract;
pub mod normalize;
pub mod overview;
pub mod reprocess;
pub mod run;
