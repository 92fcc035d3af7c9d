//! JSON: a list of objects, alone or under one key (`{"companies": [...]}`), each object a row.
//! A nested object becomes "key.subkey" columns; a nested list of objects (yearly financials)
//! becomes a second sheet whose rows carry the company's symbol.

use super::document::{ReadError, Sheet};
use super::sheet::{Budget, MAX_COLUMNS, number_text, too_wide};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;

/// The parent's keys (any case) that name the company, in order of preference.
const SYMBOL_KEYS: [&str; 3] = ["symbol", "code", "stock_code"];

pub(super) fn read(text: &str, budget: &mut Budget) -> Result<Vec<Sheet>, ReadError> {
    let root: Json = serde_json::from_str(text).map_err(|err| syntax(&err))?;
    let records = records(root).ok_or(ReadError::NoTable)?;
    let (mut main, mut nested) = (Table::new(None), Vec::new());
    for (index, record) in records.into_iter().enumerate() {
        if let Json::Object(members) = record {
            // Row 1 would be the header if the partner exported the same data as CSV.
            add_record(&mut main, &mut nested, budget, index + 2, members)?;
        }
    }
    if main.rows.is_empty() {
        return Err(ReadError::NoTable);
    }
    let mut sheets = vec![main.finish(budget)?];
    for table in nested.into_iter().filter(|table| !table.rows.is_empty()) {
        sheets.push(table.finish(budget)?);
    }
    Ok(sheets)
}

fn syntax(err: &serde_json::Error) -> ReadError {
    let (line, column) = (err.line(), err.column());
    let message = err.to_string();
    let message = message
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&message);
    ReadError::malformed(format!("line {line}, column {column}: {message}"))
}

/// The records: the top-level list, or the first member that is one.
fn records(root: Json) -> Option<Vec<Json>> {
    let list = |value: Json| match value {
        Json::Array(items) if is_records(&items) => Some(items),
        _ => None,
    };
    match root {
        Json::Object(members) => members.into_iter().find_map(|(_, value)| list(value)),
        root => list(root),
    }
}

fn is_records(items: &[Json]) -> bool {
    !items.is_empty() && items.iter().all(|item| matches!(item, Json::Object(_)))
}

fn add_record(
    main: &mut Table,
    nested: &mut Vec<Table>,
    budget: &mut Budget,
    number: usize,
    members: Vec<(String, Json)>,
) -> Result<(), ReadError> {
    let symbol = SYMBOL_KEYS
        .iter()
        .find_map(|wanted| {
            members
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(wanted))
        })
        .map_or_else(String::new, |(_, value)| cell_text(value));
    let mut cells = Vec::new();
    for (key, value) in members {
        match value {
            // One level only: anything deeper stays JSON text in its cell.
            Json::Object(inner) => {
                for (sub, value) in inner {
                    let column = main.column(&format!("{key}.{sub}"), number)?;
                    put(&mut cells, column, budget.cell(&cell_text(&value))?);
                }
            }
            Json::Array(items) if is_records(&items) => {
                let table = nested_table(nested, &key)?;
                for item in items {
                    if let Json::Object(fields) = item {
                        add_nested(table, budget, number, &symbol, fields)?;
                    }
                }
            }
            value => {
                let column = main.column(&key, number)?;
                put(&mut cells, column, budget.cell(&cell_text(&value))?);
            }
        }
    }
    main.push(budget, number, cells)
}

/// Lists of records under this many keys at most: a file has a handful (yearly financials);
/// thousands would make every lookup a long scan.
const MAX_NESTED: usize = 16;

fn nested_table<'a>(tables: &'a mut Vec<Table>, key: &str) -> Result<&'a mut Table, ReadError> {
    let index = tables
        .iter()
        .position(|table| table.name.as_deref() == Some(key));
    let index = match index {
        Some(index) => index,
        None if tables.len() >= MAX_NESTED => {
            return Err(ReadError::malformed(format!(
                "more than {MAX_NESTED} keys hold lists of records"
            )));
        }
        None => {
            tables.push(Table::nested(key));
            tables.len() - 1
        }
    };
    Ok(&mut tables[index])
}

/// A nested row, under the parent's row number: that is where the partner finds it.
fn add_nested(
    table: &mut Table,
    budget: &mut Budget,
    number: usize,
    symbol: &str,
    fields: Vec<(String, Json)>,
) -> Result<(), ReadError> {
    let mut cells = vec![budget.cell(symbol)?];
    for (key, value) in fields {
        let column = table.column(&key, number)?;
        put(&mut cells, column, budget.cell(&cell_text(&value))?);
    }
    if cells.iter().skip(1).all(String::is_empty) {
        return Ok(());
    }
    table.push(budget, number, cells)
}

fn put(cells: &mut Vec<String>, column: usize, value: String) {
    if cells.len() <= column {
        cells.resize(column + 1, String::new());
    }
    cells[column] = value;
}

/// One cell: scalars as themselves, a list of scalars joined with ";", anything else as
/// compact JSON.
fn cell_text(value: &Json) -> String {
    match value {
        Json::Null => String::new(),
        Json::Bool(b) => b.to_string(),
        Json::Number(text) | Json::String(text) => text.clone(),
        Json::Array(items) if items.iter().all(Json::is_scalar) => {
            items.iter().map(cell_text).collect::<Vec<_>>().join(";")
        }
        deeper => {
            let mut out = String::new();
            write_json(deeper, &mut out);
            out
        }
    }
}

/// Recursion is bounded: serde_json refuses documents nested deeper than 128.
fn write_json(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(text) => out.push_str(text),
        Json::String(text) => out.push_str(&quoted(text)),
        Json::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                out.push_str(if index == 0 { "" } else { "," });
                write_json(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (index, (key, item)) in members.iter().enumerate() {
                out.push_str(if index == 0 { "" } else { "," });
                out.push_str(&quoted(key));
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

/// A string as a JSON string literal (serializing a `str` cannot fail).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Columns in the order their keys first appear, and the rows under them.
struct Table {
    name: Option<String>,
    headers: Vec<String>,
    columns: HashMap<String, usize>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn new(name: Option<String>) -> Self {
        Table {
            name,
            headers: Vec::new(),
            columns: HashMap::new(),
            rows: Vec::new(),
        }
    }

    /// A nested sheet, its first column the parent's symbol.
    fn nested(key: &str) -> Self {
        let mut table = Table::new(Some(key.to_owned()));
        table.headers.push("symbol".to_owned());
        table.columns.insert("symbol".to_owned(), 0);
        table
    }

    /// The column of `key`, added the first time it is seen.
    fn column(&mut self, key: &str, row: usize) -> Result<usize, ReadError> {
        if let Some(&column) = self.columns.get(key) {
            return Ok(column);
        }
        if self.headers.len() >= MAX_COLUMNS {
            return Err(too_wide(row));
        }
        self.columns.insert(key.to_owned(), self.headers.len());
        self.headers.push(key.to_owned());
        Ok(self.headers.len() - 1)
    }

    fn push(
        &mut self,
        budget: &mut Budget,
        number: usize,
        cells: Vec<String>,
    ) -> Result<(), ReadError> {
        if cells.iter().all(String::is_empty) {
            return Ok(());
        }
        budget.row(cells.len())?;
        self.rows.push((number, cells));
        Ok(())
    }

    /// Pads the rows to the final columns, charging the padding too.
    fn finish(mut self, budget: &mut Budget) -> Result<Sheet, ReadError> {
        let width = self.headers.len();
        for (_, cells) in &mut self.rows {
            budget.cells(width.saturating_sub(cells.len()))?;
            cells.resize(width.max(cells.len()), String::new());
        }
        Ok(Sheet {
            name: self.name,
            headers: self.headers,
            rows: self.rows,
        })
    }
}

/// A JSON value whose objects keep their members in the file's order: serde_json's own map
/// sorts them (its `preserve_order` feature is off), and the partner's column order matters.
enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn is_scalar(&self) -> bool {
        !matches!(self, Json::Array(_) | Json::Object(_))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(number_text(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry()? {
            members.push(member);
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::cells;
    use super::super::{Format, Limits, ReadError, read};

    #[test]
    fn nested_names_lists_and_financials() {
        let json = r#"{"exchange": "SET", "companies": [
          {"symbol": "AOT", "name": {"en": "Airports of Thailand", "th": "ท่าอากาศยานไทย"},
           "listed": true, "capital": 14285700000, "intents": ["technology", "supply-chain"],
           "financials": [{"year": 2023, "revenue": 48140.5}, {"year": 2024, "revenue": 67000}]},
          {"symbol": "PTT", "name": {"en": " PTT "}, "listed": null, "website": "-",
           "meta": {"a": {"b": [1, "x"]}}, "financial_years": [{"year": 2024, "profit": -1.5}]}
        ]}"#;
        let doc = read(json.as_bytes(), None, &Limits::default()).unwrap();
        assert_eq!(
            (doc.format, doc.encoding.as_deref()),
            (Format::Json, Some("UTF-8"))
        );
        let [main, financials, years] = &doc.sheets[..] else {
            panic!("{:?}", doc.sheets)
        };
        let headers = [
            "symbol", "name.en", "name.th", "listed", "capital", "intents", "website", "meta.a",
        ];
        assert_eq!((&main.name, &main.headers), (&None, &cells(&headers)));
        let aot = [
            "AOT",
            "Airports of Thailand",
            "ท่าอากาศยานไทย",
            "true",
            "14285700000",
        ];
        let aot = [&aot[..], &["technology;supply-chain", "", ""]].concat();
        let ptt = ["PTT", "PTT", "", "", "", "", "", r#"{"b":[1,"x"]}"#];
        assert_eq!(main.rows, [(2, cells(&aot)), (3, cells(&ptt))]);
        assert_eq!(financials.name.as_deref(), Some("financials"));
        assert_eq!(financials.headers, ["symbol", "year", "revenue"]);
        let rows = [
            (2, cells(&["AOT", "2023", "48140.5"])),
            (2, cells(&["AOT", "2024", "67000"])),
        ];
        assert_eq!(financials.rows, rows);
        assert_eq!(years.headers, ["symbol", "year", "profit"]);
        assert_eq!(years.rows, [(3, cells(&["PTT", "2024", "-1.5"]))]);
    }

    #[test]
    fn a_top_level_list_and_a_stock_code() {
        let json = br#"[{"Stock_Code": "600519", "financials": [{"year": 2024}]}]"#;
        let doc = read(json, None, &Limits::default()).unwrap();
        assert_eq!(doc.sheets[0].rows, [(2, cells(&["600519"]))]);
        assert_eq!(doc.sheets[1].rows, [(2, cells(&["600519", "2024"]))]);
    }

    #[test]
    fn syntax_errors_and_no_records() {
        let err = read(br#"[{"a": 1,}]"#, None, &Limits::default()).unwrap_err();
        let ReadError::Malformed { detail } = &err else {
            panic!("{err:?}")
        };
        assert!(detail.starts_with("line 1, column "), "{detail}");
        for json in ["{\"a\": 1}", "[1, 2]", "[]", "{\"a\": []}"] {
            assert_eq!(
                read(json.as_bytes(), None, &Limits::default()),
                Err(ReadError::NoTable)
            );
        }
    }
}
