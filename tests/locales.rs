//! Every message exists, non-empty, in all four languages, every `.ftl` file parses, and every
//! message names the platform as `locales/GLOSSARY.md` does.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_templates::fluent_bundle::FluentResource;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const LANGS: [&str; 4] = ["zh", "en", "ms", "th"];

fn is_blank(pattern: &Option<Pattern<&str>>) -> bool {
    pattern.as_ref().is_none_or(|p| {
        p.elements
            .iter()
            .all(|e| matches!(e, PatternElement::TextElement { value } if value.trim().is_empty()))
    })
}

/// Every `.ftl` file of `lang`, parsed.
fn resources(lang: &str) -> Vec<(PathBuf, FluentResource)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = FluentResource::try_new(source)
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
        found.push((path, resource));
    }
    found
}

/// message id → whether its value is non-empty, per language.
fn messages(lang: &str) -> BTreeMap<String, bool> {
    let mut found = BTreeMap::new();
    for (_, resource) in resources(lang) {
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

/// The platform's name in zh, en, ms and th, read from the `| platform name |` row of
/// `locales/GLOSSARY.md`, so that the glossary is the one place where it is chosen.
fn platform_names() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join("GLOSSARY.md");
    let glossary =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let row = glossary
        .lines()
        .find(|l| l.starts_with("| platform name |"))
        .expect("GLOSSARY.md has a `| platform name | zh | en | ms | th |` row");
    let cells: Vec<String> = row
        .trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_owned())
        .collect();
    assert!(cells.len() > LANGS.len(), "too few cells: {row}");
    let names = cells[1..=LANGS.len()].to_vec();
    assert!(names.iter().all(|n| !n.is_empty()), "an empty name: {row}");
    names
}

/// Appends the literal text of `pattern`, select variants and nested placeables included; a
/// variable or a reference stands as `{}`.
fn push_text(pattern: &Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => push_expression(expression, out),
        }
    }
}

fn push_expression(expression: &Expression<&str>, out: &mut String) {
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                out.push('\n');
                push_text(&variant.value, out);
            }
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => out.push_str(value),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            push_expression(expression, out)
        }
        Expression::Inline(_) => out.push_str("{}"),
    }
}

/// message id → the file it is in and its text (value and attributes), per language.
fn message_texts(lang: &str) -> BTreeMap<String, (PathBuf, String)> {
    let mut found = BTreeMap::new();
    for (path, resource) in resources(lang) {
        for entry in resource.entries() {
            if let Entry::Message(message) = entry {
                let mut text = String::new();
                if let Some(value) = &message.value {
                    push_text(value, &mut text);
                }
                for attribute in &message.attributes {
                    text.push('\n');
                    push_text(&attribute.value, &mut text);
                }
                found.insert(message.id.name.to_owned(), (path.clone(), text));
            }
        }
    }
    found
}

/// Spellings of the platform's mark, in any script: every occurrence must be part of the
/// glossary's name for the message's language ("V-Next 专区" or "V-Next Zone" in a Malay
/// sentence fail, and so does a transliteration).
const PLATFORM_MARKS: [&str; 5] = ["V-Next", "V\u{2011}Next", "VNext", "วีเน็กซ์", "วี-เน็กซ์"];

#[test]
fn the_platform_is_named_as_the_glossary_says() {
    let names = platform_names();
    let mut problems = Vec::new();
    for (lang, name) in LANGS.iter().zip(&names) {
        let texts = message_texts(lang);
        match texts.get("site-name") {
            Some((_, text)) if text == name => {}
            other => problems.push(format!(
                "{lang}: site-name is {:?}, the glossary says {name:?}",
                other.map(|(_, t)| t)
            )),
        }
        for (id, (path, text)) in &texts {
            let rest = text.replace(name.as_str(), "");
            if let Some(mark) = PLATFORM_MARKS.iter().find(|m| rest.contains(**m)) {
                let file = path.file_name().unwrap_or_default().to_string_lossy();
                problems.push(format!(
                    "{lang}/{file}: {id} names the platform ({mark}) otherwise than {name:?}: {text}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
