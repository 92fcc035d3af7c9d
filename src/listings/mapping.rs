//! Which field each column of a sheet fills: the partner's own choices first (remembered per
//! exchange), then the aliases every exchange's exports use.

use super::IGNORE;
use super::columns::{Field, field_for_header, normalize_header};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The partner's choices, by normalized header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices(pub BTreeMap<String, String>);

impl Choices {
    /// `theirs` fills the headers these choices leave open.
    pub fn or(mut self, theirs: &Choices) -> Choices {
        for (header, field) in &theirs.0 {
            self.0
                .entry(header.clone())
                .or_insert_with(|| field.clone());
        }
        self
    }
}

/// A column nobody has mapped yet: the preview asks the partner about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmapped {
    pub sheet: usize,
    pub header: String,
    /// Its normalized form, the key of the choice.
    pub key: String,
    /// The first non-empty values under it, to help the partner choose.
    pub samples: Vec<String>,
}

/// The field of each column of one sheet.
pub struct Columns {
    pub fields: Vec<Option<Field>>,
    /// Columns whose field an earlier column already fills: (header, field); they are ignored.
    pub repeated: Vec<(String, Field)>,
    pub unmapped: Vec<usize>,
}

pub fn columns(headers: &[String], choices: &Choices) -> Columns {
    let mut fields = Vec::with_capacity(headers.len());
    let mut repeated = Vec::new();
    let mut unmapped = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let key = normalize_header(header);
        let field = match choices.0.get(&key) {
            Some(choice) if choice == IGNORE => None,
            Some(choice) => Field::from_key(choice),
            None => {
                let field = field_for_header(header);
                if field.is_none() && !key.is_empty() {
                    unmapped.push(index);
                }
                field
            }
        };
        let field = match field {
            Some(f) if fields.contains(&Some(f)) => {
                repeated.push((header.clone(), f));
                None
            }
            other => other,
        };
        fields.push(field);
    }
    Columns {
        fields,
        repeated,
        unmapped,
    }
}
