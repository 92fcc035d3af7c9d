//! What a file would do to an exchange's companies: each row checked, each company's state
//! after the import next to its state now, and every problem with its row, column and value.
//! Nothing here writes; `commit` applies a plan.

use super::columns::{Field, field_label, normalize_header};
use super::mapping::{self, Choices, Unmapped};
use super::read::{Document, Sheet};
use super::report::{Context, problem};
use super::rows::{self, Input};
use super::snapshot::{Snapshot, Stored};
use super::{Counts, RowProblem};
use crate::i18n::tr_args;
use std::collections::{HashMap, HashSet};

/// One company the file names (or, for a full list, leaves out).
pub struct Planned {
    pub row: Option<usize>,
    pub id: Option<i32>,
    pub before: Option<Snapshot>,
    pub after: Snapshot,
}

impl Planned {
    pub fn changes(&self) -> bool {
        self.before.as_ref() != Some(&self.after)
    }
}

pub struct Plan {
    pub items: Vec<Planned>,
    pub problems: Vec<RowProblem>,
    /// File-level notes: columns ignored because another already fills their field.
    pub warnings: Vec<String>,
    pub unmapped: Vec<Unmapped>,
    pub counts: Counts,
}

impl Plan {
    pub fn rejected(&self) -> bool {
        self.counts.rejected > 0
    }
}

/// The plan of `doc` against the exchange's companies as `stored` (by symbol).
pub fn plan(
    doc: &Document,
    choices: &Choices,
    stored: &HashMap<String, Stored>,
    ctx: &Context,
) -> Plan {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut unmapped = Vec::new();
    let mut inputs: Vec<Input> = Vec::new();
    let mut total = 0;
    for (index, sheet) in doc.sheets.iter().enumerate() {
        let columns = mapping::columns(&sheet.headers, choices);
        for (header, field) in &columns.repeated {
            warnings.push(tr_args(
                ctx.lang,
                "import-warning-repeated-column",
                &[
                    ("column", header.clone().into()),
                    ("field", field_label(*field, ctx.lang).into()),
                ],
            ));
        }
        unmapped.extend(columns.unmapped.iter().map(|&c| Unmapped {
            sheet: index,
            header: sheet.headers[c].clone(),
            key: normalize_header(&sheet.headers[c]),
            samples: samples(sheet, c),
        }));
        if !columns.fields.contains(&Some(Field::Symbol)) {
            problems.push(problem(ctx, 1, "", "", "no-symbol-column", &[]));
            continue;
        }
        total += sheet.rows.len();
        inputs.extend(rows::read(sheet, &columns.fields, ctx, &mut problems));
    }
    flag_repeats(&inputs, ctx, &mut problems);
    let rejected_rows: HashSet<usize> = problems.iter().map(|p| p.row).collect();
    let mut items = merge(inputs, &rejected_rows, stored, ctx, &mut problems);
    if ctx.full_list {
        let named: HashSet<&str> = items.iter().map(|i| i.after.symbol.as_str()).collect();
        let mut gone: Vec<Planned> = stored
            .iter()
            .filter(|(symbol, s)| !named.contains(symbol.as_str()) && !s.snapshot.delisted)
            .map(|(_, s)| Planned {
                row: None,
                id: Some(s.id),
                before: Some(s.snapshot.clone()),
                after: Snapshot {
                    delisted: true,
                    ..s.snapshot.clone()
                },
            })
            .collect();
        gone.sort_by(|a, b| a.after.symbol.cmp(&b.after.symbol));
        items.extend(gone);
    }
    problems.sort_by_key(|p| p.row);
    let counts = count(&items, &problems, total);
    Plan {
        items,
        problems,
        warnings,
        unmapped,
        counts,
    }
}

fn samples(sheet: &Sheet, column: usize) -> Vec<String> {
    sheet
        .rows
        .iter()
        .filter_map(|(_, cells)| cells.get(column).filter(|c| !c.is_empty()))
        .take(3)
        .cloned()
        .collect()
}

/// The same symbol twice among the company rows (or the same symbol and year twice among the
/// financial rows) is an error on every row involved: which one is right is the partner's call.
fn flag_repeats(inputs: &[Input], ctx: &Context, problems: &mut Vec<RowProblem>) {
    let mut company_rows: HashMap<&str, Vec<&Input>> = HashMap::new();
    let mut year_rows: HashMap<(&str, i32), Vec<&Input>> = HashMap::new();
    for input in inputs {
        if input.describes_company {
            company_rows.entry(&input.symbol).or_default().push(input);
        }
        for year in &input.years {
            year_rows
                .entry((&input.symbol, year.fiscal_year))
                .or_default()
                .push(input);
        }
    }
    for (symbol, rows) in company_rows.iter().filter(|(_, r)| r.len() > 1) {
        flag_repeat(rows, symbol, "duplicate", ctx, problems);
    }
    for ((symbol, year), rows) in year_rows.iter().filter(|(_, r)| r.len() > 1) {
        flag_repeat(
            rows,
            &format!("{symbol} {year}"),
            "duplicate-year",
            ctx,
            problems,
        );
    }
}

/// `code` on each of `rows`, which all give `value`, each message listing them all.
fn flag_repeat(
    rows: &[&Input],
    value: &str,
    code: &str,
    ctx: &Context,
    problems: &mut Vec<RowProblem>,
) {
    let all = row_list(rows);
    for input in rows {
        problems.push(problem(
            ctx,
            input.row,
            &input.symbol_header,
            value,
            code,
            &[("rows", all.clone())],
        ));
    }
}

/// The rows of a repeat, the first ten of them: a symbol repeated on every row of a file must
/// not make every row's message list every other row.
fn row_list(rows: &[&Input]) -> String {
    let mut list: Vec<String> = rows.iter().take(10).map(|i| i.row.to_string()).collect();
    if rows.len() > 10 {
        list.push(format!("… ({})", rows.len()));
    }
    list.join(", ")
}

/// Each valid row laid over the company as stored (or a new one).
fn merge(
    inputs: Vec<Input>,
    rejected_rows: &HashSet<usize>,
    stored: &HashMap<String, Stored>,
    ctx: &Context,
    problems: &mut Vec<RowProblem>,
) -> Vec<Planned> {
    let mut items: Vec<Planned> = Vec::new();
    let mut by_symbol: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        if rejected_rows.contains(&input.row) {
            continue;
        }
        let index = match by_symbol.get(&input.symbol) {
            Some(&i) => i,
            None => {
                let existing = stored.get(&input.symbol);
                let before = existing.map(|s| s.snapshot.clone());
                let mut after = before.clone().unwrap_or_else(|| Snapshot {
                    symbol: input.symbol.clone(),
                    country: ctx.country.to_owned(),
                    ..Snapshot::default()
                });
                // A company the file names is listed again, whatever it was.
                after.delisted = false;
                items.push(Planned {
                    row: Some(input.row),
                    id: existing.map(|s| s.id),
                    before,
                    after,
                });
                by_symbol.insert(input.symbol.clone(), items.len() - 1);
                items.len() - 1
            }
        };
        let item = &mut items[index];
        if input.describes_company {
            item.row = Some(input.row);
        }
        input.apply_to(&mut item.after);
    }
    // A new company needs what the zone cannot show it without.
    items.retain(|item| {
        if item.before.is_some() {
            return true;
        }
        let row = item.row.unwrap_or(0);
        let missing = missing_for_new(&item.after);
        for field in &missing {
            problems.push(problem(ctx, row, field, "", "required", &[]));
        }
        missing.is_empty()
    });
    items
}

fn missing_for_new(s: &Snapshot) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !s.texts.values().any(|t| t.name.is_some()) {
        missing.push("name");
    }
    if s.market.is_empty() {
        missing.push("market");
    }
    if s.industry.is_empty() {
        missing.push("industry");
    }
    missing
}

fn count(items: &[Planned], problems: &[RowProblem], total: usize) -> Counts {
    let mut counts = Counts {
        total,
        rejected: problems.iter().map(|p| p.row).collect::<HashSet<_>>().len(),
        ..Counts::default()
    };
    for item in items {
        match (&item.before, item.row) {
            (None, _) => counts.created += 1,
            (Some(_), None) => counts.delisted += 1,
            (Some(before), Some(_)) if *before == item.after => counts.unchanged += 1,
            (Some(_), Some(_)) => counts.updated += 1,
        }
    }
    counts
}
