use super::*;
use std::collections::BTreeMap;

#[test]
fn every_file_parses_without_errors() {
    for (name, nl, en) in FILES {
        for (lang, source) in [("nl", nl), ("en", en)] {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*source) {
                panic!("locales/{lang}/{name}: {errors:?}");
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_arguments() {
    let nl: BTreeMap<_, _> = messages(Lang::Nl).into_iter().collect();
    let en: BTreeMap<_, _> = messages(Lang::En).into_iter().collect();
    assert!(nl.len() > 50, "the catalogue has only {} messages", nl.len());
    for (id, vars) in &nl {
        match en.get(id) {
            None => panic!("`{id}` is in Dutch only"),
            Some(v) => assert_eq!(v, vars, "`{id}` takes other arguments in English than in Dutch"),
        }
    }
    for id in en.keys() {
        assert!(nl.contains_key(id), "`{id}` is in English only");
    }
}

#[test]
fn no_message_is_defined_twice() {
    let mut seen = std::collections::BTreeSet::new();
    for (id, _) in messages(Lang::Nl) {
        assert!(seen.insert(id.clone()), "`{id}` is defined twice");
    }
}

/// Every `t!("key", a = ..)`, `tr_in(.., "key", ..)` and `notice!(.., "code", ..)`
/// in the workspace's sources names a message both languages have, with the
/// arguments the message uses.
#[test]
fn every_message_the_code_asks_for_exists_with_its_arguments() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["crates", "pipeline/src"] {
        collect_rs(&root.join(dir), &mut files);
    }
    let catalogue: BTreeMap<_, _> = messages(Lang::Nl).into_iter().collect();
    let call = regex::Regex::new(r#"(?s)\b(t!|notice!|tr_in)\(\s*(?:[A-Za-z_:]+,\s*)?"([a-z0-9-]+)""#).unwrap();
    let named = regex::Regex::new(r"(?:^|,)\s*([a-z_][a-z0-9_]*)\s*=[^=]").unwrap();
    let mut checked = 0;
    for file in files {
        // Comments (examples in docs) are not calls.
        let text: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .map(|l| if l.trim_start().starts_with("//") { "" } else { l })
            .collect::<Vec<_>>()
            .join("\n");
        for c in call.captures_iter(&text) {
            let prefix = if &c[1] == "notice!" { "warn-" } else { "" };
            let key = format!("{prefix}{}", &c[2]);
            let Some(vars) = catalogue.get(&key) else {
                panic!("{}: the message `{key}` is not in the catalogue", file.display());
            };
            // The arguments: up to the call's closing parenthesis.
            let rest = &text[c.get(0).unwrap().end()..];
            let mut depth = 1;
            let mut end = rest.len();
            let mut top = String::new();
            let mut in_str = false;
            for (i, ch) in rest.char_indices() {
                if in_str {
                    if ch == '"' {
                        in_str = false;
                    }
                    continue;
                }
                match ch {
                    '"' => in_str = true,
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ if depth == 1 => top.push(ch),
                    _ => {}
                }
                if depth > 1 && top.ends_with(|c: char| c != ' ') {
                    top.push(' ');
                }
            }
            let _ = end;
            if &c[1] == "tr_in" {
                checked += 1;
                continue; // arguments by slice: not checked here
            }
            let mut given: Vec<String> = named.captures_iter(&top).map(|m| m[1].to_string()).collect();
            given.sort();
            given.dedup();
            assert_eq!(&given, vars, "{}: `{key}` is given other arguments than it uses", file.display());
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} calls found");
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("target") {
                collect_rs(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("sop-i18n/src/tests.rs") {
            out.push(p);
        }
    }
}

#[test]
fn arguments_are_filled_in_without_isolation_marks() {
    let s = tr_in(Lang::Nl, "err-file-unreadable", &[("path", Arg::from("a.pdf"))]);
    assert!(s.contains("a.pdf"), "{s}");
    assert!(!s.contains('\u{2068}'), "{s:?}");
    assert_ne!(s, tr_in(Lang::En, "err-file-unreadable", &[("path", Arg::from("a.pdf"))]));
}

#[test]
fn with_lang_switches_this_thread_only_and_restores() {
    set_lang(Lang::Nl);
    let en = with_lang(Lang::En, || {
        let inner = std::thread::spawn(lang).join().unwrap();
        assert_eq!(inner, Lang::Nl);
        lang()
    });
    assert_eq!(en, Lang::En);
    assert_eq!(lang(), Lang::Nl);
}

#[test]
fn the_language_comes_from_the_command_line_before_the_environment() {
    assert_eq!(lang_from_args(&["sop", "--lang", "en", "verify"]), Lang::En);
    assert_eq!(lang_from_args(&["sop", "verify", "--lang=nl"]), Lang::Nl);
    assert_eq!(Lang::from_locale("nl_NL.UTF-8"), Some(Lang::Nl));
    assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_locale("de_DE.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_locale("C.UTF-8"), None);
    assert_eq!(Lang::from_locale(""), None);
}

#[test]
fn the_glossary_names_every_term_in_both_languages() {
    let glossary = include_str!("../locales/GLOSSARY.md");
    for term in ["bundel", "logboek", "register", "sjabloon", "archief", "wachtruimte"] {
        assert!(
            glossary.lines().any(|l| l.starts_with('|') && l.to_lowercase().contains(&format!("| {term} |"))),
            "the glossary lacks `{term}`"
        );
    }
}
