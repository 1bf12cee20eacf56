//! `sop verify`, `sop list`, `sop show`, `sop export`.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct VerifyArgs {}
#[derive(clap::Args)]
pub struct ListArgs {}
#[derive(clap::Args)]
pub struct ShowArgs {}
#[derive(clap::Args)]
pub struct ExportArgs {}

pub fn verify(_a: VerifyArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sop verify` is not built yet")
}
pub fn list(_a: ListArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sop list` is not built yet")
}
pub fn show(_a: ShowArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sop show` is not built yet")
}
pub fn export(_a: ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sop export` is not built yet")
}
