//! Languages, negotiation, Fluent lookups and per-field fallback.

mod fluent;
mod switcher;

pub use fluent::{has_message, tr, tr_args, tr_code, tr_count};
pub use switcher::LanguageSwitcher;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The four languages every public page is offered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    Zh,
    En,
    Ms,
    Th,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Zh, Lang::En, Lang::Ms, Lang::Th];
    pub const DEFAULT: Lang = Lang::En;

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Ms => "ms",
            Lang::Th => "th",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, as shown in the switcher (never translated).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Ms => "Bahasa Melayu",
            Lang::Th => "ไทย",
        }
    }

    /// Order in which per-field texts are tried when this language lacks one:
    /// the page language, then English, then Chinese, then whatever exists.
    pub fn fallback_order(self) -> [Lang; 4] {
        let mut order = [self; 4];
        let mut len = 1;
        for l in [Lang::En, Lang::Zh].into_iter().chain(Lang::ALL) {
            if !order[..len].contains(&l) {
                order[len] = l;
                len += 1;
            }
        }
        order
    }
}

/// A text chosen for a page in `lang`; `shown_in` is set when it had to fall back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub text: String,
    pub shown_in: Option<Lang>,
}

/// Picks the best available non-empty text for `lang`, following [`Lang::fallback_order`].
pub fn pick<'a>(lang: Lang, available: impl Fn(Lang) -> Option<&'a str>) -> Option<Localized> {
    lang.fallback_order().into_iter().find_map(|l| {
        available(l)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| Localized {
                text: t.to_owned(),
                shown_in: (l != lang).then_some(l),
            })
    })
}

/// Chooses the interface language for a request that names none: the `lang` cookie,
/// then the best `Accept-Language` entry, then English.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(lang) = cookie.and_then(Lang::from_code) {
        return lang;
    }
    let mut best: Option<(f32, usize, Lang)> = None;
    for (position, entry) in accept_language.unwrap_or_default().split(',').enumerate() {
        let mut parts = entry.trim().split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        let primary = tag.split('-').next().unwrap_or_default();
        // Malay is also tagged by its macrolanguage members in the wild (zsm).
        let primary = if primary == "zsm" { "ms" } else { primary };
        let Some(lang) = Lang::from_code(primary) else {
            continue;
        };
        if quality <= 0.0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((q, p, _)) => quality > q || (quality == q && position < p),
        };
        if better {
            best = Some((quality, position, lang));
        }
    }
    best.map_or(Lang::DEFAULT, |(_, _, lang)| lang)
}

/// `value` with `decimals` places and thousands grouped. Chinese (China), English, Malay
/// (Malaysia) and Thai all write numbers as 1,234,567.8, so one format serves every page.
pub fn format_number(value: f64, decimals: usize) -> String {
    // Halves round away from zero, as accounts do (the formatter alone rounds them to even).
    let factor = 10_f64.powi(decimals as i32);
    let digits = format!("{:.*}", decimals, (value.abs() * factor).round() / factor);
    let (whole, fraction) = digits
        .split_once('.')
        .map_or((digits.as_str(), None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(digits.len() + whole.len() / 3 + 1);
    if value < 0.0 && digits.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// An ISO 8601 date (`2026-10-30`) as a page in `lang` shows it. Every language keeps the ISO
/// form of the data and the exports; Thai pages add the Buddhist-era year beside it
/// (`2026-10-30 (พ.ศ. 2569)`), by which Thai readers date documents. Anything that is not such a
/// date is returned unchanged.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let year = iso
        .get(..4)
        .filter(|_| iso.len() == 10 && iso.as_bytes()[4] == b'-')
        .and_then(|y| y.parse::<i32>().ok());
    match (lang, year) {
        (Lang::Th, Some(year)) => format!("{iso} (พ.ศ. {})", year + 543),
        _ => iso.to_owned(),
    }
}

/// The language of the current page, provided by the `/:lang` layout.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::DEFAULT)
}

/// The language named by the first segment of `path`, if any.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Lang::from_code)
}

/// Replaces the language segment of `path` (`/en/zone` → `/th/zone`); paths without one get it prefixed.
pub fn switch_path(path: &str, to: Lang) -> String {
    let trimmed = path.trim_start_matches('/');
    let (first, rest) = trimmed
        .split_once('/')
        .map_or((trimmed, ""), |(a, b)| (a, b));
    if Lang::from_code(first).is_some() {
        format!("/{}/{}", to.code(), rest)
    } else if trimmed.is_empty() {
        format!("/{}/", to.code())
    } else {
        format!("/{}/{}", to.code(), trimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_wins_over_header() {
        assert_eq!(negotiate(Some("th"), Some("zh-CN,zh;q=0.9")), Lang::Th);
    }

    #[test]
    fn unknown_cookie_falls_through_to_header() {
        assert_eq!(
            negotiate(Some("fr"), Some("ms-MY,ms;q=0.9,en;q=0.8")),
            Lang::Ms
        );
    }

    #[test]
    fn header_quality_order_is_respected() {
        assert_eq!(negotiate(None, Some("fr-FR,en;q=0.5,th;q=0.8")), Lang::Th);
        assert_eq!(
            negotiate(None, Some("zh-Hant-TW;q=0.7, en;q=0.7")),
            Lang::Zh
        );
        assert_eq!(negotiate(None, Some("th;q=0, en;q=0.1")), Lang::En);
    }

    #[test]
    fn nothing_usable_means_english() {
        assert_eq!(negotiate(None, None), Lang::En);
        assert_eq!(negotiate(None, Some("de-DE,fr;q=0.9")), Lang::En);
        assert_eq!(negotiate(Some(""), Some("garbage;;;q=x")), Lang::En);
    }

    #[test]
    fn fallback_order_is_page_english_chinese_rest() {
        for (page, order) in [
            (Lang::Th, [Lang::Th, Lang::En, Lang::Zh, Lang::Ms]),
            (Lang::Ms, [Lang::Ms, Lang::En, Lang::Zh, Lang::Th]),
            (Lang::En, [Lang::En, Lang::Zh, Lang::Ms, Lang::Th]),
            (Lang::Zh, [Lang::Zh, Lang::En, Lang::Ms, Lang::Th]),
        ] {
            assert_eq!(page.fallback_order(), order, "{page:?}");
        }
    }

    #[test]
    fn pick_marks_fallbacks_and_skips_blank_texts() {
        let texts = |l: Lang| match l {
            Lang::Th => Some("  "),
            Lang::Zh => Some("棕榈油"),
            _ => None,
        };
        assert_eq!(
            pick(Lang::Th, texts),
            Some(Localized {
                text: "棕榈油".into(),
                shown_in: Some(Lang::Zh)
            })
        );
        assert_eq!(pick(Lang::Zh, texts).unwrap().shown_in, None);
        assert_eq!(pick(Lang::En, |_| None), None);
    }

    #[test]
    fn numbers_are_grouped_and_rounded() {
        assert_eq!(format_number(1_234_567.891, 1), "1,234,567.9");
        assert_eq!(format_number(-9_876.5, 0), "-9,877");
        assert_eq!(format_number(999.96, 1), "1,000.0");
        assert_eq!(format_number(-0.04, 1), "0.0");
        assert_eq!(format_number(0.12346, 4), "0.1235");
        assert_eq!(format_number(2.5, 0), "3");
        assert_eq!(format_number(100.0, 0), "100");
    }

    #[test]
    fn thai_dates_carry_the_buddhist_era_year() {
        assert_eq!(
            format_date(Lang::Th, "2026-10-30"),
            "2026-10-30 (พ.ศ. 2569)"
        );
        assert_eq!(
            format_date(Lang::Th, "1999-01-05"),
            "1999-01-05 (พ.ศ. 2542)"
        );
        for lang in [Lang::Zh, Lang::En, Lang::Ms] {
            assert_eq!(format_date(lang, "2026-10-30"), "2026-10-30");
        }
        assert_eq!(format_date(Lang::Th, "soon"), "soon");
        assert_eq!(format_date(Lang::Th, "2026/10/30"), "2026/10/30");
    }

    #[test]
    fn switch_path_keeps_the_rest_of_the_path() {
        assert_eq!(switch_path("/en/zone", Lang::Th), "/th/zone");
        assert_eq!(switch_path("/en/", Lang::Zh), "/zh/");
        assert_eq!(switch_path("/ms", Lang::En), "/en/");
        assert_eq!(switch_path("/", Lang::Ms), "/ms/");
        assert_eq!(
            switch_path("/zone/XKLS/1155", Lang::Ms),
            "/ms/zone/XKLS/1155"
        );
    }
}
