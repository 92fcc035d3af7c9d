//! Every message exists, non-empty, in all four languages, and every `.ftl` file parses.

use fluent_syntax::ast::{Entry, Pattern, PatternElement};
use fluent_templates::fluent_bundle::FluentResource;
use std::collections::BTreeMap;
use std::path::Path;

const LANGS: [&str; 4] = ["zh", "en", "ms", "th"];

fn is_blank(pattern: &Option<Pattern<&str>>) -> bool {
    pattern.as_ref().is_none_or(|p| {
        p.elements
            .iter()
            .all(|e| matches!(e, PatternElement::TextElement { value } if value.trim().is_empty()))
    })
}

/// message id → whether its value is non-empty, per language.
fn messages(lang: &str) -> BTreeMap<String, bool> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = FluentResource::try_new(source)
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
        for entry in resource.entries() {
            if let Entry::Message(message) = entry {
                let previous = found.insert(message.id.name.to_owned(), !is_blank(&message.value));
                assert!(
                    previous.is_none(),
                    "{} defined twice in {lang}",
                    message.id.name
                );
            }
        }
    }
    found
}

#[test]
fn every_key_exists_and_is_non_empty_in_every_language() {
    let all: BTreeMap<&str, BTreeMap<String, bool>> =
        LANGS.iter().map(|l| (*l, messages(l))).collect();
    let mut problems = Vec::new();
    for (lang, keys) in &all {
        for (other, other_keys) in &all {
            for key in other_keys.keys().filter(|k| !keys.contains_key(*k)) {
                problems.push(format!("{lang} lacks {key} (present in {other})"));
            }
        }
        for (key, non_empty) in keys {
            if !non_empty {
                problems.push(format!("{lang}: {key} is empty"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(all["en"].len() > 50);
}

/// String literals passed to `tr`, `tr_args`, `label` or `Labels::get`.
fn literal_keys(code: &str) -> Vec<String> {
    const CALLS: [&str; 3] = ["tr(lang, ", "tr_args(lang, ", "label=\""];
    let is_key = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let mut keys = Vec::new();
    for line in code.lines() {
        for call in CALLS {
            let mut rest = line;
            while let Some(at) = rest.find(call) {
                rest = &rest[at + call.len()..];
                let literal = rest.strip_prefix('"').and_then(|r| r.split('"').next());
                if let Some(key) = literal.filter(|l| is_key(l)) {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_used_in_the_code_exists() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let en = messages("en");
    let (mut missing, mut checked) = (Vec::new(), 0);
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            for key in literal_keys(&code) {
                checked += 1;
                if !en.contains_key(&key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys used but not defined:\n{}",
        missing.join("\n")
    );
    assert!(
        checked > 40,
        "only {checked} keys found: the scan no longer sees the calls"
    );
}

#[test]
fn generated_keys_exist_for_every_taxonomy_value() {
    let en = messages("en");
    for kind in vnext::zone::INTENT_KINDS {
        assert!(en.contains_key(&format!("intent-{kind}")), "intent-{kind}");
    }
    for lang in vnext::i18n::Lang::ALL {
        assert!(en.contains_key(&format!("fallback-shown-in-{}", lang.code())));
    }
}

#[cfg(feature = "ssr")]
#[test]
fn demo_taxonomy_is_translated() {
    use vnext::zone::demo::{DEMO_COMPANIES, company};
    let en = messages("en");
    for c in (0..DEMO_COMPANIES).map(company) {
        for key in [
            format!("market-{}", c.market),
            format!("industry-{}", c.industry),
            format!("sector-{}", c.sector),
            format!("country-{}", c.country),
        ] {
            assert!(
                en.contains_key(&key),
                "{key} (used by {} {})",
                c.mic,
                c.symbol
            );
        }
    }
}
