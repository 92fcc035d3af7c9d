//! Why a cell is not a value, and the folding every parser applies first.

/// Why a cell's text is not a valid value. `code()` names the localized message
/// `import-error-{code}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    Number,
    Integer,
    Date,
    Flag,
    Url,
    Email,
    Country,
    Currency,
    Symbol,
    Year,
    TooLong {
        max: usize,
    },
    /// A control character (NUL, escape…) other than a tab or a line break.
    Control,
}

impl ValueError {
    pub fn code(&self) -> &'static str {
        match self {
            ValueError::Number => "number",
            ValueError::Integer => "integer",
            ValueError::Date => "date",
            ValueError::Flag => "flag",
            ValueError::Url => "url",
            ValueError::Email => "email",
            ValueError::Country => "country",
            ValueError::Currency => "currency",
            ValueError::Symbol => "symbol",
            ValueError::Year => "year",
            ValueError::TooLong { .. } => "too-long",
            ValueError::Control => "control",
        }
    }

    /// What its message says besides the value: the limit a text is over.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ValueError::TooLong { max } => vec![("max", max.to_string())],
            _ => vec![],
        }
    }
}

/// Full-width ASCII (U+FF01..U+FF5E, as Chinese input methods type it) as ASCII, and the
/// ideographic space as a space; every other character as it is.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A cell's text trimmed, with full-width and Thai digits as ASCII and without the invisible
/// byte-order marks and zero-width spaces that encodings and Thai word breaking leave behind.
pub(super) fn fold(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|&c| !matches!(c, '\u{FEFF}' | '\u{200B}'))
        .map(|c| match fold_width(c) {
            d @ '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (d as u32 - 0x0E50) as u8),
            d => d,
        })
        .collect();
    folded.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_name_messages() {
        let all = [
            ValueError::Number,
            ValueError::Integer,
            ValueError::Date,
            ValueError::Flag,
            ValueError::Url,
            ValueError::Email,
            ValueError::Country,
            ValueError::Currency,
            ValueError::Symbol,
            ValueError::Year,
            ValueError::TooLong { max: 3 },
            ValueError::Control,
        ];
        let codes = all.map(|e| e.code()).join(" ");
        assert_eq!(
            codes,
            "number integer date flag url email country currency symbol year too-long control"
        );
    }
}
