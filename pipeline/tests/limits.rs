//! Every limit on what one input may cost has a default, a flag, and is
//! refused clearly when exceeded: a non-zero exit or a failed document, a
//! message that names the file and the limit, and a hint whose flag the
//! command really has. Bombs (a PDF stream or a bundle entry that unpacks to
//! far more than it weighs, a bundle with thousands of entries) are built
//! here, byte by byte, and must be stopped without exhausting memory: every
//! run gets a soft address-space limit ([`MEMORY_KB`]).

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SOP: &str = env!("CARGO_BIN_EXE_sop");
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
/// Far more than any limit below allows one input, far less than an
/// unstopped bomb needs.
const MEMORY_KB: u64 = 3 * 1024 * 1024;

fn sample(name: &str) -> PathBuf {
    Path::new(REPO).join("samples/pdf").join(name)
}

/// Runs `sop <args>` under [`MEMORY_KB`], returning its output and wall time.
fn sop(args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -S -v {MEMORY_KB} && exec \"$0\" \"$@\""))
        .arg(SOP)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .output()
        .expect("run sop");
    (out, started.elapsed())
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// Exit 1, no panic, no signal, and a message that names the file and says `why`.
fn assert_refused(out: &Output, file: &str, why: &str) {
    let all = text(out);
    assert_eq!(out.status.signal(), None, "killed by a signal:\n{all}");
    assert_eq!(out.status.code(), Some(1), "expected exit 1:\n{all}");
    assert!(!all.contains("panicked at"), "a panic:\n{all}");
    assert!(all.contains(file), "the message does not name `{file}`:\n{all}");
    assert!(all.contains(why), "the message does not say {why:?}:\n{all}");
}

/// Every `--flag` a message tells the user to use exists on `command`.
fn assert_hint_flags_exist(message: &str, command: &str) {
    let (help, _) = sop(&[command, "--help"]);
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    for word in message.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '`')) {
        let Some(flag) = word.strip_prefix("--") else {
            continue;
        };
        let flag = flag.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        // A flag is a lowercase word after the dashes, not a rule of dashes.
        if flag.starts_with(|c: char| c.is_ascii_lowercase()) {
            assert!(
                help.contains(&format!("--{flag} "))
                    || help.contains(&format!("--{flag}\n"))
                    || help.contains(&format!("--{flag}=")),
                "the message points to `--{flag}`, which `sop {command}` does not have:\n{message}"
            );
        }
    }
}

#[test]
fn every_extraction_limit_has_a_flag_with_a_default() {
    let (out, _) = sop(&["extract", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    for flag in [
        "--max-bytes",
        "--max-pages",
        "--max-text-bytes",
        "--max-stream-bytes",
        "--timeout-secs",
        "--memory-bytes",
        "--ocr-page-secs",
    ] {
        let at = help.find(flag).unwrap_or_else(|| panic!("`sop extract` has no {flag}:\n{help}"));
        let rest = &help[at + flag.len()..];
        let section = &rest[..rest.find("\n  -").unwrap_or(rest.len())];
        assert!(section.contains("[standaard: "), "{flag} shows no default:\n{section}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let (out, _) = sop(&["extract", "--max-bytes", "1000", sample("000.pdf").to_str().expect("path")]);
    assert_refused(&out, "000.pdf", "meer dan de grens van 1000 bytes");
    assert_hint_flags_exist(&text(&out), "extract");
}

#[test]
fn a_file_over_the_page_limit_is_refused() {
    let (out, _) = sop(&["extract", "--max-pages", "1", sample("000.pdf").to_str().expect("path")]);
    assert_refused(&out, "000.pdf", "meer dan de grens van 1");
    assert!(text(&out).contains("pagina's"), "{}", text(&out));
    assert_hint_flags_exist(&text(&out), "extract");
}

#[test]
fn a_file_over_the_text_limit_is_refused() {
    let (out, _) = sop(&["extract", "--max-text-bytes", "100", sample("000.pdf").to_str().expect("path")]);
    assert_refused(&out, "000.pdf", "groter dan de grens van 100 bytes");
    assert_hint_flags_exist(&text(&out), "extract");
}

#[test]
fn extraction_over_the_memory_limit_is_refused() {
    let (out, _) = sop(&["extract", "--memory-bytes", "20000000", sample("000.pdf").to_str().expect("path")]);
    assert_refused(&out, "000.pdf", "memory");
}

#[test]
fn a_decompression_bomb_in_a_pdf_is_stopped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // 1 GiB of zeros in a content stream of about 6.5 MB.
    let bomb = tmp.path().join("bomb.pdf");
    std::fs::write(&bomb, bomb_pdf(1 << 30)).expect("write bomb");
    let bomb = bomb.to_str().expect("path");

    // Under the default limits, within the memory limit of this test.
    let (out, took) = sop(&["normalize", bomb]);
    let all = text(&out);
    assert_eq!(out.status.signal(), None, "killed by a signal:\n{all}");
    assert!(matches!(out.status.code(), Some(1 | 2)), "expected a refusal:\n{all}");
    assert!(all.contains("bomb.pdf") && !all.contains("panicked at"), "{all}");
    assert!(took < Duration::from_secs(120), "took {took:?}");

    // With a lower stream limit the stream is not unpacked, and that is said.
    let (out, _) = sop(&["extract", "--max-stream-bytes", "1048576", bomb]);
    let all = text(&out);
    assert_eq!(out.status.signal(), None, "killed by a signal:\n{all}");
    assert!(
        all.contains("bomb.pdf") && (all.contains("uitgepakt") || all.contains("niet te lezen")),
        "the skipped stream is not reported:\n{all}"
    );
}

/// A one-document batch of `file` with extra flags; returns the output and
/// the archive.
fn run_one(tmp: &Path, file: &Path, flags: &[&str]) -> (Output, PathBuf) {
    let inbox = tmp.join("inbox");
    std::fs::create_dir_all(&inbox).expect("inbox");
    std::fs::copy(file, inbox.join("school.pdf")).expect("copy");
    let archive = tmp.join("archive");
    let mut args = vec![
        "run",
        "--year",
        "2023-2024",
        "--inbox",
        inbox.to_str().expect("path"),
        "--archive",
        archive.to_str().expect("path"),
    ];
    args.extend_from_slice(flags);
    let (out, _) = sop(&args);
    (out, archive)
}

fn ledger_lines(archive: &Path) -> usize {
    std::fs::read_to_string(archive.join("ledger.jsonl")).map_or(0, |t| t.lines().count())
}

#[test]
fn a_batch_refuses_a_document_over_its_size_limit() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let big = tmp.path().join("big.pdf");
    let mut bytes = std::fs::read(sample("002.pdf")).expect("sample");
    bytes.resize(2 * 1024 * 1024 + 1, b'\n');
    std::fs::write(&big, bytes).expect("write");
    let (out, archive) = run_one(tmp.path(), &big, &["--max-size", "2"]);
    assert_refused(&out, "school.pdf", "2 MiB");
    assert!(!text(&out).contains("geen SOP"), "an oversized file is not a wrong document:\n{}", text(&out));
    assert_hint_flags_exist(&text(&out), "run");
    assert_eq!(ledger_lines(&archive), 0, "the oversized document was archived");
}

#[test]
fn a_batch_stops_an_extraction_over_its_time_limit() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // An extraction child that never answers.
    let child = tmp.path().join("hang.sh");
    std::fs::write(&child, "#!/bin/sh\nexec sleep 60\n").expect("write");
    Command::new("chmod").arg("+x").arg(&child).status().expect("chmod");
    let started = Instant::now();
    let (out, archive) = run_one(
        tmp.path(),
        &sample("002.pdf"),
        &["--timeout", "1", "--extract-child-exe", child.to_str().expect("path")],
    );
    assert!(started.elapsed() < Duration::from_secs(30), "the batch waited {:?} for a 1 s limit", started.elapsed());
    assert_refused(&out, "school.pdf", "langer dan 1 seconden");
    // The reason's hints are `sop run` flags; the `sop assign` command given
    // for the held document has its own.
    let all = text(&out);
    let reasons: Vec<&str> = all.lines().map(|l| l.split("sop assign").next().unwrap_or(l)).collect();
    assert_hint_flags_exist(&reasons.join("\n"), "run");
    // Not read and no school to tell: kept in the holding area, not lost.
    assert_eq!(ledger_lines(&archive), 1);
    assert!(archive.join("ontvangen/2023-2024").is_dir());
}

/// An archive of one document, whose bundle is then replaced by `bundle`;
/// `sop verify` and `sop show` must refuse it clearly and quickly.
fn assert_bundle_refused(bundle: &[u8], why: &str) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (out, archive) =
        run_one(tmp.path(), &sample("002.pdf"), &["--registry", &format!("{REPO}/samples/schools.csv")]);
    assert!(out.status.success(), "{}", text(&out));
    let ledger = std::fs::read_to_string(archive.join("ledger.jsonl")).expect("ledger");
    let line: serde_json::Value = serde_json::from_str(ledger.lines().next().expect("a line")).expect("JSON");
    let rel = line["bundle"].as_str().expect("bundle path").to_string();
    let school = line["school"].as_str().expect("school").to_string();
    std::fs::write(archive.join(&rel), bundle).expect("replace bundle");
    let name = Path::new(&rel).file_name().expect("name").to_string_lossy().into_owned();
    let archive = archive.to_str().expect("path");

    let (out, took) = sop(&["verify", "--archive", archive]);
    assert_refused(&out, &name, why);
    assert!(took < Duration::from_secs(60), "verify took {took:?}");

    let (out, _) = sop(&["show", "--school", &school, "--archive", archive]);
    let all = text(&out);
    assert_eq!(out.status.signal(), None, "show killed by a signal:\n{all}");
    assert_eq!(out.status.code(), Some(1), "show: expected exit 1:\n{all}");
    assert!(all.contains(&name) && !all.contains("panicked at"), "show does not name the bundle:\n{all}");
}

#[test]
fn a_bundle_entry_that_unpacks_past_the_limit_is_refused() {
    // 300 MiB of zeros in about 2 MB, over the 256 MiB an entry may hold.
    let zeros = 300 << 20;
    assert_bundle_refused(&zip(&[("source.pdf", deflate_zeros(zeros), zeros as u32)]), "uitgepakt groter dan");
}

#[test]
fn a_bundle_entry_that_lies_about_its_size_is_refused() {
    // The header says 100 bytes; the data unpacks to 300 MiB.
    assert_bundle_refused(&zip(&[("source.pdf", deflate_zeros(300 << 20), 100)]), "source.pdf");
}

#[test]
fn a_bundle_with_too_many_entries_is_refused() {
    let names: Vec<String> = (0..5000).map(|i| format!("e{i}")).collect();
    let entries: Vec<(&str, Vec<u8>, u32)> = names.iter().map(|n| (n.as_str(), deflate_zeros(0), 0)).collect();
    assert_bundle_refused(&zip(&entries), "bestanden, meer dan");
}

/// Raw deflate (RFC 1951) of `n` zero bytes in one fixed-Huffman block: a
/// literal zero, then copies of 258 bytes at distance 1 (13 bits each).
fn deflate_zeros(n: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        /// `value`'s low `count` bits, least significant first.
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.len;
            self.len += count;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u64, count: u32) {
            let reversed = (0..count).fold(0, |r, i| r | (((code >> i) & 1) << (count - 1 - i)));
            self.put(reversed, count);
        }
    }
    let mut b = Bits { out: Vec::with_capacity(n / 150 + 16), acc: 0, len: 0 };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman codes
    let mut left = n;
    if left > 0 {
        b.code(0x30, 8); // literal 0
        left -= 1;
    }
    while left >= 258 {
        b.code(0xC5, 8); // length 258 (symbol 285)
        b.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        b.code(0x30, 8);
    }
    b.code(0, 7); // end of block (symbol 256)
    b.put(0, 7); // pad to a byte
    b.out
}

/// A zip of deflated entries (CRC left 0: readers stop at the limit first).
fn zip(entries: &[(&str, Vec<u8>, u32)]) -> Vec<u8> {
    fn u16le(v: &mut Vec<u8>, x: u16) {
        v.extend_from_slice(&x.to_le_bytes());
    }
    fn u32le(v: &mut Vec<u8>, x: u32) {
        v.extend_from_slice(&x.to_le_bytes());
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, size) in entries {
        let offset = out.len() as u32;
        for (v, central_entry) in [(&mut out, false), (&mut central, true)] {
            u32le(v, if central_entry { 0x0201_4b50 } else { 0x0403_4b50 });
            if central_entry {
                u16le(v, 20); // made by
            }
            u16le(v, 20); // needed
            u16le(v, 0); // flags
            u16le(v, 8); // deflate
            u16le(v, 0); // time
            u16le(v, 0x21); // date 1980-01-01
            u32le(v, 0); // crc
            u32le(v, data.len() as u32);
            u32le(v, *size);
            u16le(v, name.len() as u16);
            u16le(v, 0); // extra
            if central_entry {
                u16le(v, 0); // comment
                u16le(v, 0); // disk
                u16le(v, 0); // internal attributes
                u32le(v, 0); // external attributes
                u32le(v, offset);
            }
            v.extend_from_slice(name.as_bytes());
        }
        out.extend_from_slice(data);
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, entries.len() as u16);
    u16le(&mut out, entries.len() as u16);
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

/// A one-page PDF whose content stream is `n` zeros, zlib-wrapped.
fn bomb_pdf(n: usize) -> Vec<u8> {
    let mut stream = vec![0x78, 0x01];
    stream.extend(deflate_zeros(n));
    // Adler-32 of n zeros: a stays 1, b is n mod 65521.
    let adler = (((n % 65521) as u32) << 16) | 1;
    stream.extend_from_slice(&adler.to_be_bytes());
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let objects: [Vec<u8>; 4] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        [
            format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", stream.len()).into_bytes(),
            stream,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}
