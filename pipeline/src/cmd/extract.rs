//! `sop extract` and the hidden child-process entry.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

#[derive(clap::Args)]
pub struct ChildArgs {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sop extract` is not built yet")
}

pub fn child(_args: ChildArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the extraction child is not built yet")
}
