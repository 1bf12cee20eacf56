//! `--help` and command-line mistakes in the chosen language.
//!
//! The command tree is declared with clap's derive; its texts come from the
//! catalogue (`help.ftl`): a command's description from `help-<command>`, an
//! option's from `help-<command>-<option>` (`help-opt-<option>` for the
//! options every command takes). clap's own words (headings, "[default: …]",
//! its error messages) are replaced too, so that `sop --help` and a mistyped
//! option read in one language.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use sop_i18n::{t, tr};

/// The command with every text from the catalogue.
pub fn localise(cmd: Command) -> Command {
    let cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(t!("help-opt-version"))
            .help_heading(leak(t!("help-heading-options"))),
    );
    let mut cmd = walk(cmd, None);
    let about = tr("help-sop", &[]);
    cmd = cmd.about(about);
    cmd
}

fn walk(mut cmd: Command, parent: Option<&str>) -> Command {
    let name = cmd.get_name().to_string();
    let key_base = match parent {
        None => "sop".to_string(),
        Some(_) => name.trim_start_matches('_').to_string(),
    };
    if parent.is_some() && !cmd.is_hide_set() {
        cmd = cmd.about(tr(&format!("help-{key_base}"), &[]));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for sub in subs {
        let base = key_base.clone();
        cmd = cmd.mut_subcommand(sub, |s| walk(s, Some(&base)));
    }
    let hidden = cmd.is_hide_set();
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .filter(|(id, _)| id != "version")
        .collect();
    for (id, positional) in ids {
        let own = format!("help-{key_base}-{}", id.replace('_', "-"));
        let common = format!("help-opt-{}", id.replace('_', "-"));
        cmd = cmd.mut_arg(&id, |a| {
            let mut help = if hidden || a.is_hide_set() {
                String::new()
            } else if sop_i18n::has(sop_i18n::Lang::Nl, &own) {
                tr(&own, &[])
            } else {
                tr(&common, &[])
            };
            // clap's "[default: …]" and "[possible values: …]" are English:
            // said here instead, for options that take a value.
            let takes_value = matches!(a.get_action(), ArgAction::Set | ArgAction::Append);
            let values: Vec<String> = a.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
            if takes_value && !values.is_empty() {
                help.push_str(&format!(" [{}: {}]", t!("help-values"), values.join(", ")));
            }
            let defaults: Vec<String> =
                a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
            if takes_value && !defaults.is_empty() {
                help.push_str(&format!(" [{}: {}]", t!("help-default"), defaults.join(", ")));
            }
            let heading = if positional { t!("help-heading-arguments") } else { t!("help-heading-options") };
            let mut a = a.help(help).help_heading(leak(heading));
            // Placeholders such as FILE, DIR: in the language too.
            if let Some(v) = a.get_value_names().and_then(|v| v.first()).map(|v| v.to_string()) {
                let key = format!("help-value-{}", v.to_lowercase().replace('.', "-").replace('|', "-or-"));
                if sop_i18n::has(sop_i18n::Lang::Nl, &key) {
                    a = a.value_name(leak(tr(&key, &[])));
                }
            }
            if takes_value {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("help-opt-help"))
                .help_heading(leak(t!("help-heading-options"))),
        )
        .subcommand_help_heading(leak(t!("help-heading-commands")))
        .subcommand_value_name(leak(t!("help-command-value")))
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            t!("help-usage")
        ));
    // The usage line: clap writes "[OPTIONS]" itself, so it is made here.
    let mut usage = match parent {
        None => "sop".to_string(),
        Some(_) => format!("sop {name}"),
    };
    usage.push(' ');
    usage.push_str(&t!("help-options-placeholder"));
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let value = a
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| a.get_id().to_string().to_uppercase(), |v| v.to_string());
        if a.is_positional() {
            usage.push_str(&format!(" <{value}>"));
        } else if a.is_required_set() {
            if let Some(long) = a.get_long() {
                usage.push_str(&format!(" --{long} <{value}>"));
            }
        }
    }
    if cmd.has_subcommands() {
        usage.push_str(&format!(" <{}>", t!("help-command-value")));
    }
    cmd.override_usage(usage)
}

/// clap keeps headings as `&'static str` (without its `string` feature);
/// they are made once per process.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A command-line mistake, said in the chosen language, with where to look:
/// exit 2. `--help` and `--version` print as asked (exit 0).
pub fn report(err: clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                2
            } else {
                0
            });
        }
        _ => {}
    }
    let get = |k: ContextKind| -> String {
        match err.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let message = match err.kind() {
        ErrorKind::UnknownArgument => t!("cli-unknown-argument", arg = get(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => t!("cli-unknown-command", name = get(ContextKind::InvalidSubcommand)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = get(ContextKind::ValidValue);
            let base =
                t!("cli-invalid-value", arg = get(ContextKind::InvalidArg), value = get(ContextKind::InvalidValue));
            if valid.is_empty() {
                base
            } else {
                format!("{base} {}", t!("cli-valid-values", values = valid))
            }
        }
        ErrorKind::MissingRequiredArgument => t!("cli-missing-argument", args = get(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand => t!("cli-missing-command"),
        ErrorKind::ArgumentConflict => {
            t!("cli-conflict", arg = get(ContextKind::InvalidArg), other = get(ContextKind::PriorArg))
        }
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t!("cli-wrong-values", arg = get(ContextKind::InvalidArg))
        }
        _ => t!("cli-not-understood"),
    };
    eprintln!("sop: {message}");
    eprintln!("{}", t!("cli-see-help"));
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use sop_i18n::{has, Lang};

    /// Every command and option shown by `--help` has its text in both
    /// languages (a missing one would show its key).
    #[test]
    fn every_command_and_option_has_its_help_text_in_both_languages() {
        fn check(cmd: &clap::Command, parent: Option<&str>, missing: &mut Vec<String>) {
            if cmd.is_hide_set() {
                return;
            }
            let base = if parent.is_none() { "sop".to_string() } else { cmd.get_name().to_string() };
            for lang in Lang::ALL {
                if parent.is_some() && !has(lang, &format!("help-{base}")) {
                    missing.push(format!("{lang:?} help-{base}"));
                }
                for a in cmd.get_arguments().filter(|a| !a.is_hide_set() && a.get_id() != "version") {
                    let id = a.get_id().to_string().replace('_', "-");
                    if !has(lang, &format!("help-{base}-{id}")) && !has(lang, &format!("help-opt-{id}")) {
                        missing.push(format!("{lang:?} help-{base}-{id}"));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                check(sub, Some(&base), missing);
            }
        }
        let mut missing = Vec::new();
        check(&crate::Cli::command(), None, &mut missing);
        assert!(missing.is_empty(), "help texts missing from the catalogue: {missing:?}");
    }
}
