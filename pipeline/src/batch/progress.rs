//! What the user sees while the batch runs: on a terminal a progress bar with
//! the counts per outcome; otherwise one plain line per finished document on
//! stderr (for logs and cron mails).

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Counts, Row};

pub struct Progress {
    mode: Mode,
    total: usize,
    counts: Mutex<Counts>,
}

enum Mode {
    Bar(ProgressBar),
    Lines,
    #[cfg(test)]
    Silent,
}

impl Progress {
    /// A bar when stderr is a terminal, else plain lines.
    pub fn for_stderr(total: usize) -> Progress {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} · {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style.progress_chars("=> "));
            bar.set_message(Counts::default().line());
            Progress::with(Mode::Bar(bar), total)
        } else {
            Progress::with(Mode::Lines, total)
        }
    }

    #[cfg(test)]
    pub fn silent(total: usize) -> Progress {
        Progress::with(Mode::Silent, total)
    }

    fn with(mode: Mode, total: usize) -> Progress {
        Progress { mode, total, counts: Mutex::new(Counts::default()) }
    }

    /// One document is done.
    pub fn record(&self, row: &Row) {
        let counts = {
            let mut c = self.counts.lock().expect("progress lock");
            c.add(&row.outcome);
            *c
        };
        match &self.mode {
            Mode::Bar(bar) => {
                if row.outcome.needs_attention() {
                    bar.println(format!("{}: {}", row.input, row.outcome.detail()));
                }
                bar.set_message(counts.line());
                bar.inc(1);
            }
            Mode::Lines => {
                let who = row.school.as_deref().map(|s| format!("{s} ")).unwrap_or_default();
                eprintln!("[{}/{}] {}({}): {}", counts.total, self.total, who, row.input, row.outcome.detail());
            }
            #[cfg(test)]
            Mode::Silent => {}
        }
    }

    #[cfg(test)]
    pub fn counts(&self) -> Counts {
        *self.counts.lock().expect("progress lock")
    }

    pub fn finish(&self) {
        if let Mode::Bar(bar) = &self.mode {
            bar.finish_and_clear();
        }
    }
}
