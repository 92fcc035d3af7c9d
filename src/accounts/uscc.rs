//! The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters, the last a
//! check character over the first 17; characters 3–8 are the registering region (GB/T 2260).

use serde::{Deserialize, Serialize};

/// The 31 code characters; a character's value is its index. I, O, S, V and Z are left out
/// because they are easily mistaken for 1, 0, 5, U and 2.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// 3^(i−1) mod 31 for positions 1–17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a code was refused. Positions count from 1, as a person reads the code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UsccError {
    Empty,
    Length(usize),
    /// A letter the standard leaves out (I, O, S, V, Z) or any other foreign character.
    Character {
        position: usize,
        found: char,
    },
    /// Positions 3–8, the region code, must be digits.
    RegionDigit {
        position: usize,
        found: char,
    },
    Check {
        expected: char,
        found: char,
    },
}

/// A well-formed code, upper-cased.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uscc(String);

impl Uscc {
    /// Reads a code as typed: surrounding spaces are ignored and letters may be lower case.
    pub fn parse(input: &str) -> Result<Uscc, UsccError> {
        let code: Vec<char> = input
            .trim()
            .chars()
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if code.is_empty() {
            return Err(UsccError::Empty);
        }
        if code.len() != 18 {
            return Err(UsccError::Length(code.len()));
        }
        let mut sum = 0;
        for (i, &c) in code.iter().enumerate() {
            let Some(value) = value_of(c) else {
                return Err(UsccError::Character {
                    position: i + 1,
                    found: c,
                });
            };
            if (2..8).contains(&i) && !c.is_ascii_digit() {
                return Err(UsccError::RegionDigit {
                    position: i + 1,
                    found: c,
                });
            }
            if i < 17 {
                sum += value * WEIGHTS[i];
            }
        }
        let expected = check_character(sum);
        if code[17] != expected {
            return Err(UsccError::Check {
                expected,
                found: code[17],
            });
        }
        Ok(Uscc(code.into_iter().collect()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The province-level region (GB/T 2260, the first two digits of the region code), when it
    /// is one the standard defines.
    pub fn province(&self) -> Option<&'static str> {
        province(&self.0[2..4])
    }
}

/// The check character that completes the first 17 characters of `prefix`, if they are valid.
pub fn check_character_for(prefix: &str) -> Option<char> {
    let chars: Vec<char> = prefix.chars().collect();
    if chars.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (i, c) in chars.into_iter().enumerate() {
        sum += value_of(c)? * WEIGHTS[i];
    }
    Some(check_character(sum))
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|v| v as u32)
}

fn check_character(sum: u32) -> char {
    ALPHABET[((31 - sum % 31) % 31) as usize] as char
}

/// Province-level divisions of GB/T 2260, by their two-digit code.
pub const PROVINCES: [&str; 34] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82",
];

pub fn province(code: &str) -> Option<&'static str> {
    PROVINCES.iter().copied().find(|p| *p == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = "91110000600037341L";

    #[test]
    fn the_standard_example_is_valid_and_in_beijing() {
        let code = Uscc::parse(VALID).unwrap();
        assert_eq!(code.as_str(), VALID);
        assert_eq!(code.province(), Some("11"));
        assert_eq!(Uscc::parse(" 91110000600037341l ").unwrap(), code);
    }

    #[test]
    fn every_single_changed_character_is_caught() {
        let original: Vec<char> = VALID.chars().collect();
        for position in 0..18 {
            for &replacement in ALPHABET {
                let replacement = replacement as char;
                if replacement == original[position] {
                    continue;
                }
                let mut code = original.clone();
                code[position] = replacement;
                let code: String = code.into_iter().collect();
                let err = Uscc::parse(&code).expect_err(&code);
                match err {
                    UsccError::Check { expected, found } => {
                        if position == 17 {
                            assert_eq!((expected, found), ('L', replacement));
                        } else {
                            assert_eq!(found, 'L');
                        }
                    }
                    UsccError::RegionDigit { position: p, .. } => {
                        assert_eq!(p, position + 1);
                        assert!((3..=8).contains(&p));
                    }
                    other => panic!("{code}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn letters_the_standard_leaves_out_are_named_with_their_position() {
        for (position, letter) in [(1, 'I'), (5, 'O'), (10, 'S'), (17, 'V'), (18, 'Z')] {
            let mut code: Vec<char> = VALID.chars().collect();
            code[position - 1] = letter;
            let code: String = code.into_iter().collect();
            assert_eq!(
                Uscc::parse(&code),
                Err(UsccError::Character {
                    position,
                    found: letter
                })
            );
        }
        assert_eq!(
            Uscc::parse("91110000600037341-"),
            Err(UsccError::Character {
                position: 18,
                found: '-'
            })
        );
    }

    #[test]
    fn wrong_lengths_and_empty_input() {
        assert_eq!(Uscc::parse("  "), Err(UsccError::Empty));
        assert_eq!(Uscc::parse(&VALID[..17]), Err(UsccError::Length(17)));
        assert_eq!(
            Uscc::parse(&format!("{VALID}0")),
            Err(UsccError::Length(19))
        );
        // Counted in characters, not bytes.
        assert_eq!(Uscc::parse("统一社会信用代码"), Err(UsccError::Length(8)));
    }

    #[test]
    fn check_characters_complete_prefixes() {
        assert_eq!(check_character_for(&VALID[..17]), Some('L'));
        assert_eq!(check_character_for("9111000060003734"), None);
        assert_eq!(check_character_for("9111000060003734I"), None);
    }

    mod property {
        use super::super::*;
        use proptest::prelude::*;

        fn body() -> impl Strategy<Value = String> {
            (
                proptest::collection::vec(0..31usize, 2),
                proptest::collection::vec(0..10usize, 6),
                proptest::collection::vec(0..31usize, 9),
            )
                .prop_map(|(head, region, tail)| {
                    head.into_iter()
                        .chain(region)
                        .chain(tail)
                        .map(|i| ALPHABET[i] as char)
                        .collect()
                })
        }

        proptest! {
            /// Any 17 characters completed with their check character form a valid code, and
            /// changing any one character of it is always detected (31 is prime and every
            /// weight is non-zero mod 31).
            #[test]
            fn completed_codes_parse_and_single_errors_are_detected(
                prefix in body(),
                position in 0..18usize,
                shift in 1..31usize,
            ) {
                let check = check_character_for(&prefix).unwrap();
                let code = format!("{prefix}{check}");
                prop_assert!(Uscc::parse(&code).is_ok());

                let mut chars: Vec<char> = code.chars().collect();
                let value = ALPHABET.iter().position(|&a| a as char == chars[position]).unwrap();
                chars[position] = ALPHABET[(value + shift) % 31] as char;
                let changed: String = chars.into_iter().collect();
                prop_assert!(Uscc::parse(&changed).is_err());
            }

            #[test]
            fn parsing_never_panics(input in "\\PC{0,24}") {
                let _ = Uscc::parse(&input);
            }
        }
    }
}
