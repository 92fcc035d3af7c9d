//! Cell text to typed values, with the reason when a cell cannot be one. Partners' files come
//! from spreadsheets in four languages, so the parsers accept the forms those write (full-width
//! digits, Thai digits and Buddhist-era years, day-first dates, both decimal styles) and reject
//! anything they would have to guess at.

mod date;
mod fold;
mod number;
mod simple;

pub use date::{parse_date, parse_year};
pub use fold::{ValueError, fold_width};
pub use number::{NumberStyle, number_style, parse_integer, parse_number};
pub use simple::{
    bounded_text, parse_country, parse_currency, parse_email, parse_flag, parse_symbol, parse_url,
};
