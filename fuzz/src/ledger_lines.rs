//! The ledger file (`ledger.jsonl`) as `sop verify` and a writer's open read it.

use sop_archive::ledger;

/// Any bytes parse into entries, breaks and a torn tail without a panic; the
/// complete part never extends past the input and the head counts the
/// entries that were read.
pub fn run(data: &[u8]) {
    let parsed = ledger::parse(data);
    assert!(parsed.complete_len <= data.len() as u64, "the complete part is longer than the ledger");
    let newlines = data.iter().filter(|&&b| b == b'\n').count();
    assert!(parsed.lines.len() <= newlines, "more entries than complete lines");
    let head = parsed.head();
    assert_eq!(head.lines, parsed.lines.len() as u64, "the head does not count the entries");
    assert_eq!(head.last_sha256, parsed.last_sha(), "the head does not end at the last entry");
    assert_eq!(
        ledger::head_state(&parsed, Some(&head)),
        ledger::HeadState::Agrees,
        "a ledger disagrees with its own head"
    );
}
