//! The values one rule each decides: yes or no, web and e-mail addresses, country and
//! currency codes, listing symbols and bounded texts.

use super::fold::{ValueError, fold};
use crate::listings::codes;

/// Yes or no, in the four languages (and as the export writes them: 是/否, Ya/Tidak, ใช่/ไม่ใช่).
pub fn parse_flag(text: &str) -> Result<bool, ValueError> {
    // U+FE0F turns ✔ into the emoji ✔️; it carries no meaning here.
    let s: String = fold(text)
        .chars()
        .filter(|&c| c != '\u{FE0F}')
        .flat_map(char::to_lowercase)
        .collect();
    match s.as_str() {
        "yes" | "y" | "true" | "1" | "x" | "✓" | "✔" | "√" | "是" | "是的" | "ya" | "ada"
        | "ใช่" | "มี" => Ok(true),
        "no" | "n" | "false" | "0" | "✗" | "✘" | "否" | "不是" | "tidak" | "tiada" | "ไม่ใช่"
        | "ไม่มี" => Ok(false),
        _ => Err(ValueError::Flag),
    }
}

/// The longest web address a company may give.
const MAX_URL: usize = 200;

/// A web address: http or https only (a bare host like "www.example.com" gets "https://"), a
/// named host with a dot (no IP addresses, no user or password), no spaces, at most 200
/// characters as given and as normalized by the `url` crate, which is what is returned.
pub fn parse_url(text: &str) -> Result<String, ValueError> {
    let s = text.trim();
    if s.is_empty() || s.chars().count() > MAX_URL || s.contains(char::is_whitespace) {
        return Err(ValueError::Url);
    }
    let lower = s.to_ascii_lowercase();
    let full = if lower.starts_with("http://") || lower.starts_with("https://") {
        s.to_owned()
    } else if s.contains("://") {
        return Err(ValueError::Url);
    } else {
        format!("https://{}", s.trim_start_matches('/'))
    };
    let url = url::Url::parse(&full).map_err(|_| ValueError::Url)?;
    let named_host = matches!(url.host(), Some(url::Host::Domain(d))
        if d.contains('.') && d.split('.').all(|label| !label.is_empty()));
    let valid = matches!(url.scheme(), "http" | "https")
        && named_host
        && url.username().is_empty()
        && url.password().is_none();
    let url = String::from(url);
    (valid && url.chars().count() <= MAX_URL)
        .then_some(url)
        .ok_or(ValueError::Url)
}

/// An e-mail address: one @, a local part of ASCII letters, digits and `.!$'*+-/=^_`{|}~` (no
/// quoting, and none of the `? & % #` that would add headers or a body to a `mailto:` link), a
/// dotted domain of letters, digits and hyphens, at most 254 characters; returned with the
/// domain lower-cased.
pub fn parse_email(text: &str) -> Result<String, ValueError> {
    let s = text.trim();
    let (local, domain) = s.split_once('@').ok_or(ValueError::Email)?;
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let valid = s.chars().count() <= 254
        && (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".!$'*+-/=^_`{|}~".contains(c))
        && labels.len() >= 2
        && labels.iter().copied().all(label_ok)
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.bytes().all(|b| b.is_ascii_digit())
        });
    valid
        .then(|| format!("{local}@{}", domain.to_lowercase()))
        .ok_or(ValueError::Email)
}

/// An ISO 3166-1 alpha-2 code (any case), or alpha-3 mapped to alpha-2 (MYS → MY), upper case.
pub fn parse_country(text: &str) -> Result<String, ValueError> {
    let code = fold(text).to_ascii_uppercase();
    codes::country_alpha2(&code)
        .map(str::to_owned)
        .ok_or(ValueError::Country)
}

/// An active ISO 4217 alphabetic code (any case), upper case.
pub fn parse_currency(text: &str) -> Result<String, ValueError> {
    let code = fold(text).to_ascii_uppercase();
    codes::is_currency(&code)
        .then_some(code)
        .ok_or(ValueError::Currency)
}

/// A listing symbol in the format of exchange `mic`, trimmed and upper-cased, kept as text:
/// leading zeros matter, and a code missing them (Excel drops them: "166" for Bursa's "0166")
/// is an error for the partner to fix, never padded here, since only the partner knows it.
pub fn parse_symbol(mic: &str, text: &str) -> Result<String, ValueError> {
    let s = fold(text).to_uppercase();
    let n = s.len(); // Every accepted symbol is ASCII, so bytes are characters.
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    let alnum = s
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let punctuated = |extra: &[u8]| {
        s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || extra.contains(&b))
    };
    let valid = match mic.trim().to_ascii_uppercase().as_str() {
        // Bursa Malaysia: 4 digits; 5 with a leading zero on the LEAP market ("03024").
        "XKLS" => digits && (n == 4 || (n == 5 && s.starts_with('0'))),
        // SET: letters first, then letters, digits and & . - ("S&J", "M-CHAI", "BTS-W5").
        "XBKK" => {
            (1..=10).contains(&n)
                && s.starts_with(|c: char| c.is_ascii_uppercase())
                && punctuated(b"&.-".as_slice())
        }
        "XHKG" => digits && (n == 4 || n == 5),
        "XSES" => (3..=4).contains(&n) && alnum,
        "XIDX" => n == 4 && s.bytes().all(|b| b.is_ascii_uppercase()),
        "XSTC" => n == 3 && alnum,
        _ => (1..=12).contains(&n) && punctuated(b".&-".as_slice()),
    };
    valid.then_some(s).ok_or(ValueError::Symbol)
}

/// A text of at most `max` characters (not bytes), trimmed, without control characters but
/// tabs and line breaks (PostgreSQL cannot store a NUL, and none belongs in a company's text).
pub fn bounded_text(text: &str, max: usize) -> Result<String, ValueError> {
    let t = text.trim();
    if t.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(ValueError::Control);
    }
    (t.chars().count() <= max)
        .then(|| t.to_owned())
        .ok_or(ValueError::TooLong { max })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_in_four_languages() {
        for text in "yes|Yes|Y|TRUE|1|x|X|✓|✔|✔\u{fe0f}|√|是|是的|ya|Ya|ada|ใช่|มี".split('|')
        {
            assert_eq!(parse_flag(text), Ok(true), "{text}");
        }
        for text in "no|N|FALSE|0|✗|否|不是|tidak|Tidak|tiada|ไม่ใช่|ไม่มี".split('|')
        {
            assert_eq!(parse_flag(text), Ok(false), "{text}");
        }
        for text in ["maybe", "", "2", "-", "yes!"] {
            assert_eq!(parse_flag(text), Err(ValueError::Flag), "{text}");
        }
    }

    /// `parse` turns each of `valid` into its normal form and refuses each of `invalid` with
    /// `error`.
    fn check(
        parse: fn(&str) -> Result<String, ValueError>,
        valid: &[(&str, &str)],
        invalid: &[&str],
        error: ValueError,
    ) {
        for &(text, want) in valid {
            assert_eq!(parse(text).as_deref(), Ok(want), "{text}");
        }
        for &text in invalid {
            assert_eq!(parse(text), Err(error.clone()), "{text}");
        }
    }

    #[test]
    fn urls() {
        let long = format!("https://example.com/{}", "a".repeat(181));
        check(
            parse_url,
            &[
                ("https://www.example.com", "https://www.example.com/"),
                (" www.example.com ", "https://www.example.com/"),
                ("HTTP://Example.COM/About", "http://example.com/About"),
                ("example.com.my/ir?x=1", "https://example.com.my/ir?x=1"),
            ],
            &[
                "ftp://example.com",
                "javascript:alert(1)",
                "mailto:ir@example.com",
                "http://localhost",
                "https://192.168.0.1",
                "https://exa mple.com",
                "https://user:pw@example.com",
                "https://example.com.",
                "",
                "example",
                long.as_str(),
            ],
            ValueError::Url,
        );
    }

    #[test]
    fn emails() {
        let long = format!("a@{}.com", "b".repeat(250));
        let invalid = "no-at|a@b|a@@b.com|a b@c.com|@example.com|a@.com|a@example..com|a@-x.com|\
            .a@x.com|a..b@x.com|a@x.c|a@x.123|\"a\"@x.com|mailto:a@x.com|\
            ir?bcc=spy%40evil.example&x=@co.com|ir#x@co.com|i\u{202e}r@co.com|ir@co\u{202e}.com";
        let invalid: Vec<&str> = invalid.split('|').chain([long.as_str()]).collect();
        check(
            parse_email,
            &[
                (" IR@Example.COM.my ", "IR@example.com.my"),
                ("a.b+c@sub.example.co.th", "a.b+c@sub.example.co.th"),
            ],
            &invalid,
            ValueError::Email,
        );
    }

    #[test]
    fn countries_and_currencies() {
        check(
            parse_country,
            &[
                ("MY", "MY"),
                ("my", "MY"),
                ("mys", "MY"),
                (" THA ", "TH"),
                ("ＭＹ", "MY"),
            ],
            &["XX", "XXX", "", "Malaysia", "UK", "M"],
            ValueError::Country,
        );
        check(
            parse_currency,
            &[
                ("MYR", "MYR"),
                ("thb", "THB"),
                (" sgd ", "SGD"),
                ("ＨＫＤ", "HKD"),
            ],
            &["ABC", "RM", "", "HRK", "MYRR"],
            ValueError::Currency,
        );
    }

    #[test]
    fn symbols_per_exchange() {
        let valid = [
            ("XKLS", "1155|0166|01155|03024| 5347 "),
            ("xkls", "7277"),
            ("XBKK", "PTT|ADVANC|M-CHAI|S&J|BTS-W5|PTT-R|ptt|AP.A"),
            ("XHKG", "00700|0700|09988"),
            ("XSES", "D05|C6L|Z74|BN4|AWX"),
            ("XIDX", "BBCA|tlkm"),
            ("XSTC", "VNM|FPT|E1V"),
            ("XNAS", "AAPL|BRK.A|0700.HK"),
        ];
        for (mic, texts) in valid {
            for text in texts.split('|') {
                let want = text.trim().to_uppercase();
                assert_eq!(parse_symbol(mic, text), Ok(want), "{mic} {text}");
            }
        }
        let invalid = [
            ("XKLS", "166|12345|115|1155A|11 55|"),
            ("XBKK", "1PTT|ABCDEFGHIJK|P T|-PTT|PTT/W"),
            ("XHKG", "700|007000|70A"),
            ("XSES", "D5|ABCDE|D-05"),
            ("XIDX", "BBC|BBCA1|1234"),
            ("XSTC", "VN|VNMX"),
            ("XNAS", "ABCDEFGHIJKLM|A B|"),
        ];
        for (mic, texts) in invalid {
            for text in texts.split('|') {
                assert_eq!(
                    parse_symbol(mic, text),
                    Err(ValueError::Symbol),
                    "{mic} {text}"
                );
            }
        }
    }

    #[test]
    fn bounded_texts_count_characters() {
        assert_eq!(bounded_text("  abc  ", 3).as_deref(), Ok("abc"));
        assert_eq!(bounded_text("泰国公司", 4).as_deref(), Ok("泰国公司"));
        assert_eq!(bounded_text("abcd", 3), Err(ValueError::TooLong { max: 3 }));
        assert_eq!(bounded_text("a\nb\tc", 5).as_deref(), Ok("a\nb\tc"));
        for text in ["a\0b", "a\u{1b}[31mb", "a\u{85}b"] {
            assert_eq!(bounded_text(text, 10), Err(ValueError::Control), "{text:?}");
        }
    }
}
