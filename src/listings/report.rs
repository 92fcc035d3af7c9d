//! What a file's problems say and whose file it is: the context every check reads, and the
//! localized problem with its row, column and value, shared by the import's checks and the
//! company edit form's.

use super::RowProblem;
use super::columns::script_lang;
use crate::i18n::{Lang, tr_args};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Whose file it is and how to read it.
pub struct Context<'a> {
    pub mic: &'a str,
    /// The exchange's country: new companies are domiciled there unless the file says.
    pub country: &'a str,
    /// The language messages are written in.
    pub lang: Lang,
    /// The file lists every company of the exchange: the others are delisted.
    pub full_list: bool,
    /// Where the checks count their rows, for whoever shows how far they got.
    pub progress: &'a Progress,
}

/// How far a reading got: the rows the file has, once it is read, and how many are checked.
/// Written by the checks on a blocking thread while the upload's answer reads it.
#[derive(Debug, Default)]
pub struct Progress {
    rows: AtomicUsize,
    checked: AtomicUsize,
}

impl Progress {
    pub fn read(&self, rows: usize) {
        self.rows.store(rows, Relaxed);
    }

    pub fn checked_one(&self) {
        self.checked.fetch_add(1, Relaxed);
    }

    /// (rows checked, rows in the file); (0, 0) while the file is being read.
    pub fn now(&self) -> (usize, usize) {
        (self.checked.load(Relaxed), self.rows.load(Relaxed))
    }
}

/// A localized problem: the message `import-error-{code}` with the value, and `args`.
pub fn problem(
    ctx: &Context,
    row: usize,
    column: &str,
    value: &str,
    code: &str,
    args: &[(&'static str, String)],
) -> RowProblem {
    // A cell may be megabytes; the problem quotes enough of it to find it.
    let value: String = value.chars().take(VALUE_SHOWN).collect();
    let column: String = column.chars().take(VALUE_SHOWN).collect();
    RowProblem {
        row,
        message: error_message(ctx.lang, ctx.mic, code, &value, args),
        column,
        value,
        code: code.to_owned(),
    }
}

/// Characters of a cell or header a problem quotes.
const VALUE_SHOWN: usize = 200;

/// The message `import-error-{code}` in `lang` about `value` on exchange `mic`, with `args`:
/// a file's cell and the company edit form's field say the same about the same value.
pub fn error_message(
    lang: Lang,
    mic: &str,
    code: &str,
    value: &str,
    args: &[(&'static str, String)],
) -> String {
    let mut all: Vec<(&'static str, fluent_templates::fluent_bundle::FluentValue)> = vec![
        ("value", value.to_owned().into()),
        ("exchange", mic.to_owned().into()),
    ];
    all.extend(args.iter().map(|(k, v)| (*k, v.clone().into())));
    tr_args(lang, &format!("import-error-{code}"), &all)
}

/// The language of a text cell: the column's, else its script's.
pub fn text_lang(column: Option<Lang>, text: &str) -> Lang {
    column.unwrap_or_else(|| script_lang(text))
}
