//! Numbers in either decimal style, with the file's style told from its cells.

use super::fold::{ValueError, fold};

/// How a file writes numbers: "1,234.5" or "1.234,5".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    DotDecimal,
    CommaDecimal,
}

/// Characters that group thousands whatever the style: spaces (plain, no-break, narrow
/// no-break) and apostrophes (Swiss style, as some exports write).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\'' | '\u{2019}')
}

/// The sign of a number and the rest: "-1", "−1" (U+2212) and accounting's "(1,234)".
fn strip_sign(s: &str) -> (bool, &str) {
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return (true, inner.trim());
    }
    if let Some(rest) = s.strip_prefix(['-', '\u{2212}']) {
        return (true, rest.trim_start());
    }
    (false, s.strip_prefix('+').unwrap_or(s).trim_start())
}

/// The digits of an integer part with its thousand separators checked: every group after the
/// first holds exactly three digits, so "12,5" in a dot-decimal file is an error, not 125.
fn ungroup(part: &str, group: char) -> Option<String> {
    let groups: Vec<&str> = part
        .split(|c: char| c == group || is_group_space(c))
        .collect();
    let grouped_well = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    let digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    (grouped_well && digits).then(|| groups.concat())
}

/// A number as sign, integer digits and fraction digits (ASCII), in the file's style.
fn split_number(text: &str, style: NumberStyle) -> Result<(bool, String, String), ValueError> {
    let folded = fold(text);
    let (negative, body) = strip_sign(&folded);
    let (decimal, group) = match style {
        NumberStyle::DotDecimal => ('.', ','),
        NumberStyle::CommaDecimal => (',', '.'),
    };
    let (int, frac) = body.split_once(decimal).unwrap_or((body, ""));
    let int = ungroup(int, group).ok_or(ValueError::Number)?;
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (int.is_empty() && frac.is_empty()) {
        return Err(ValueError::Number);
    }
    Ok((negative, int, frac.to_owned()))
}

/// What one cell says about the file's style, if anything.
fn style_evidence(cell: &str) -> Option<NumberStyle> {
    use NumberStyle::*;
    let folded = fold(cell);
    let body: String = strip_sign(&folded)
        .1
        .chars()
        .filter(|&c| !is_group_space(c))
        .collect();
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let last = body.rfind(['.', ','])?;
    let (head, tail) = (&body[..last], &body[last + 1..]);
    let (sep, other, as_decimal, as_group) = match body.as_bytes()[last] {
        b'.' => ('.', ',', DotDecimal, CommaDecimal),
        _ => (',', '.', CommaDecimal, DotDecimal),
    };
    if head.contains(sep) {
        // The same separator twice can only group thousands ("1.234.567"), if it groups well.
        (!head.contains(other) && ungroup(&body, sep).is_some()).then_some(as_group)
    } else if head.contains(other) {
        // Both kinds ("1.234,5"): the last one is the decimal separator.
        (!tail.is_empty() && ungroup(head, other).is_some()).then_some(as_decimal)
    } else if tail.is_empty() {
        None
    } else {
        // One separator is a decimal one unless it could group: "1,234" and "1.234" say nothing.
        let could_group = tail.len() == 3 && (1..=3).contains(&head.len()) && head != "0";
        (!could_group).then_some(as_decimal)
    }
}

/// The style of a file, from a sample of its numeric cells: comma-decimal only when some cell
/// is unambiguous (`1.234,5`, `12,5`, `1.234.567`) and none contradicts it (`1,234.5`, `12.5`);
/// dot-decimal otherwise.
pub fn number_style<'a>(cells: impl IntoIterator<Item = &'a str>) -> NumberStyle {
    let (mut comma, mut dot) = (false, false);
    for cell in cells {
        match style_evidence(cell) {
            Some(NumberStyle::CommaDecimal) => comma = true,
            Some(NumberStyle::DotDecimal) => dot = true,
            None => {}
        }
    }
    if comma && !dot {
        NumberStyle::CommaDecimal
    } else {
        NumberStyle::DotDecimal
    }
}

/// An amount: thousand separators in the file's style (also spaces and apostrophes), negatives
/// as "-1", "(1,234)" or "−1", full-width digits folded. Letters and currency signs are errors.
pub fn parse_number(text: &str, style: NumberStyle) -> Result<f64, ValueError> {
    let (negative, int, frac) = split_number(text, style)?;
    let int = if int.is_empty() { "0" } else { int.as_str() };
    let value: f64 = format!("{int}.{frac}0")
        .parse()
        .map_err(|_| ValueError::Number)?;
    match value {
        v if !v.is_finite() => Err(ValueError::Number),
        // No negative zero from "-0".
        v if negative && v != 0.0 => Ok(-v),
        v => Ok(v),
    }
}

/// A whole number (amounts are stored as integers): "1,234.00" is fine, "1,234.5" is
/// [`ValueError::Integer`]. Parsed from the digits, so amounts beyond 2^53 stay exact.
pub fn parse_integer(text: &str, style: NumberStyle) -> Result<i64, ValueError> {
    let (negative, int, frac) = split_number(text, style)?;
    if frac.bytes().any(|b| b != b'0') {
        return Err(ValueError::Integer);
    }
    let magnitude: i64 = match int.as_str() {
        "" => 0,
        digits => digits.parse().map_err(|_| ValueError::Integer)?,
    };
    Ok(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::{CommaDecimal, DotDecimal};

    #[test]
    fn numbers_in_either_style() {
        for (text, style, want) in [
            ("1,234.5", DotDecimal, 1234.5),
            ("1234.5", DotDecimal, 1234.5),
            ("-1,234", DotDecimal, -1234.0),
            ("(1,234.50)", DotDecimal, -1234.5),
            ("\u{2212}12", DotDecimal, -12.0),
            ("1 234 567", DotDecimal, 1_234_567.0),
            ("1\u{a0}234\u{202f}567", DotDecimal, 1_234_567.0),
            ("1'234.5", DotDecimal, 1234.5),
            ("１，２３４．５", DotDecimal, 1234.5),
            ("๑๒๓", DotDecimal, 123.0),
            (" +7 ", DotDecimal, 7.0),
            (".5", DotDecimal, 0.5),
            ("1.234,5", CommaDecimal, 1234.5),
            ("(1.234,5)", CommaDecimal, -1234.5),
            ("12,5", CommaDecimal, 12.5),
            ("1 234,5", CommaDecimal, 1234.5),
            ("1.234.567", CommaDecimal, 1_234_567.0),
        ] {
            assert_eq!(parse_number(text, style), Ok(want), "{text}");
        }
        assert!(parse_number("-0", DotDecimal).is_ok_and(|v| v == 0.0 && v.is_sign_positive()));
        // "12,5" in a dot-decimal file is not 125, nor "1,234.5" in a comma-decimal one 1.234.
        for text in [
            "12,5", "1,23,456", "1.2.3", "RM1,234", "1e5", "", "-", "()", "12%", "1,,234",
        ] {
            assert_eq!(
                parse_number(text, DotDecimal),
                Err(ValueError::Number),
                "{text}"
            );
        }
        assert_eq!(
            parse_number("1,234.5", CommaDecimal),
            Err(ValueError::Number)
        );
    }

    #[test]
    fn integers_are_whole_and_exact() {
        assert_eq!(parse_integer("1,234.00", DotDecimal), Ok(1234));
        assert_eq!(parse_integer("(1,234)", DotDecimal), Ok(-1234));
        assert_eq!(parse_integer("1.234,00", CommaDecimal), Ok(1234));
        assert_eq!(parse_integer("41000000000", DotDecimal), Ok(41_000_000_000));
        assert_eq!(
            parse_integer("9007199254740993", DotDecimal),
            Ok(9_007_199_254_740_993)
        );
        assert_eq!(
            parse_integer("1,234.5", DotDecimal),
            Err(ValueError::Integer)
        );
        assert_eq!(
            parse_integer("99999999999999999999", DotDecimal),
            Err(ValueError::Integer)
        );
        assert_eq!(parse_integer("abc", DotDecimal), Err(ValueError::Number));
    }

    #[test]
    fn number_style_needs_unambiguous_evidence() {
        let cases: [(&[&str], NumberStyle); 12] = [
            (&["1.234,5"], CommaDecimal),
            (&["12,5", "7"], CommaDecimal),
            (&["1.234.567", "1.234"], CommaDecimal),
            (&["0,125"], CommaDecimal),
            (&["1,234"], DotDecimal),
            (&["1.234"], DotDecimal),
            (&["1,234.5"], DotDecimal),
            (&["1,234,567"], DotDecimal),
            (&["12,5", "12.5"], DotDecimal),
            (&["1.234,5", "1,234.5"], DotDecimal),
            (&["15.03.2024", "abc", ""], DotDecimal),
            (&[], DotDecimal),
        ];
        for (cells, want) in cases {
            assert_eq!(number_style(cells.iter().copied()), want, "{cells:?}");
        }
    }
}
