//! Fluent lookups. Every user-visible string lives in `locales/{zh,en,ms,th}/*.ftl`.

use super::Lang;
use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, static_loader};
use std::{borrow::Cow, collections::HashMap, sync::LazyLock};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments break copy-paste and tests; our arguments
        // are numbers and names whose direction matches the surrounding text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static LANGIDS: LazyLock<[LanguageIdentifier; 4]> = LazyLock::new(|| {
    Lang::ALL.map(|l| {
        l.code()
            .parse()
            .expect("language codes are valid identifiers")
    })
});

fn langid(lang: Lang) -> &'static LanguageIdentifier {
    &LANGIDS[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(1)]
}

/// The message `key` in `lang`; the key itself when it exists nowhere (a test guards that).
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(langid(lang), key)
        .unwrap_or_else(|| key.to_owned())
}

/// The label of `code` among the codes named `{prefix}-{code}` (`intent-investment`).
pub fn tr_code(lang: Lang, prefix: &str, code: &str) -> String {
    tr(lang, &format!("{prefix}-{code}"))
}

/// Whether `key` is a message in `lang` (or the fallback language).
pub fn has_message(lang: Lang, key: &str) -> bool {
    LOCALES.try_lookup(langid(lang), key).is_some()
}

/// The message `key` in `lang` about `n` of something: `$count` selects its plural form and
/// `$shown` is the number as pages write it (`12,000`).
pub fn tr_count(lang: Lang, key: &str, n: u64) -> String {
    let shown = super::format_number(n as f64, 0);
    tr_args(lang, key, &[("count", n.into()), ("shown", shown.into())])
}

/// The message `key` in `lang` with Fluent arguments, e.g. `[("count", 12.into())]`.
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    LOCALES
        .try_lookup_complete(langid(lang), key, Some(&args))
        .unwrap_or_else(|| key.to_owned())
}
