//! Rows into sheets, within a budget: the header row found under any title rows, cells cleaned,
//! and every row, cell and character charged against the limits as it is read.

use super::document::{Limits, ReadError, Sheet};

/// The most columns a row may have: listings have tens, and rows shorter than the header are
/// padded, so a runaway width would multiply memory.
pub(in crate::listings) const MAX_COLUMNS: usize = 1024;
/// Cells over all sheets, per allowed row: generous for listings, bounded for padding.
const CELLS_PER_ROW: usize = 100;
/// Text over all cells: an XLSX shared string or a JSON symbol is copied into every cell that
/// uses it, so a small file could otherwise expand without bound.
const MAX_TEXT: usize = 128 * 1024 * 1024;

pub(super) fn too_wide(row: usize) -> ReadError {
    ReadError::malformed(format!("row {row}: more than {MAX_COLUMNS} columns"))
}

/// What one upload may still expand into; charged while reading, so a file over the limits
/// fails early instead of after it has been held in memory.
pub(super) struct Budget {
    rows_used: usize,
    max_rows: usize,
    cells_used: usize,
    max_cells: usize,
    text_used: usize,
}

impl Budget {
    pub(super) fn new(limits: &Limits) -> Self {
        let max_cells = limits.max_rows.saturating_mul(CELLS_PER_ROW);
        Budget {
            rows_used: 0,
            max_rows: limits.max_rows,
            cells_used: 0,
            max_cells,
            text_used: 0,
        }
    }

    /// One data row of `width` cells.
    pub(super) fn row(&mut self, width: usize) -> Result<(), ReadError> {
        self.rows_used += 1;
        if self.rows_used > self.max_rows {
            return Err(ReadError::TooManyRows {
                limit: self.max_rows,
            });
        }
        self.cells(width)
    }

    /// Cells added to kept rows (padding included).
    pub(super) fn cells(&mut self, count: usize) -> Result<(), ReadError> {
        self.cells_used = self.cells_used.saturating_add(count);
        if self.cells_used > self.max_cells {
            return Err(ReadError::malformed(format!(
                "more than {} cells",
                self.max_cells
            )));
        }
        Ok(())
    }

    /// A cell from its raw text, charged before it is copied.
    pub(super) fn cell(&mut self, raw: &str) -> Result<String, ReadError> {
        self.text_used = self.text_used.saturating_add(raw.len());
        if self.text_used > MAX_TEXT {
            return Err(ReadError::malformed("more than 128 MiB of cell text"));
        }
        Ok(clean(raw))
    }
}

/// Trims a cell (no-break and ideographic spaces too) and empties the dashes exchange lists
/// write for "nothing".
pub(super) fn clean(raw: &str) -> String {
    let cell =
        raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'));
    match cell {
        "-" | "\u{2013}" | "\u{2014}" => String::new(),
        _ => cell.to_owned(),
    }
}

/// A number as a spreadsheet shows it: whole numbers without ".0".
pub(super) fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Exact: whole and below 2^53.
        (value as i64).to_string()
    } else {
        value.to_string()
    }
}

/// Rows this far down are compared to tell a title row from the header.
const HEADER_WINDOW: usize = 10;

/// Collects one sheet's rows and finds its header: the first row with at least two cells and
/// at least half as many as the fullest of the first rows, so titles above it are skipped.
pub(super) struct SheetBuilder {
    name: Option<String>,
    window: Vec<(usize, Vec<String>)>,
    fullest: Option<usize>,
    headers: Option<Vec<String>>,
    rows: Vec<(usize, Vec<String>)>,
}

impl SheetBuilder {
    pub(super) fn new(name: Option<String>) -> Self {
        SheetBuilder {
            name,
            window: Vec::new(),
            fullest: None,
            headers: None,
            rows: Vec::new(),
        }
    }

    pub(super) fn push(
        &mut self,
        budget: &mut Budget,
        number: usize,
        mut cells: Vec<String>,
    ) -> Result<(), ReadError> {
        // Trailing empty cells say nothing, and would count as extra cells otherwise.
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            return Ok(());
        }
        if cells.len() > MAX_COLUMNS {
            return Err(too_wide(number));
        }
        match (self.headers.is_some(), self.fullest) {
            (true, _) => self.keep(budget, number, cells)?,
            (false, Some(fullest)) if is_header(&cells, fullest) => self.headers = Some(cells),
            (false, Some(_)) => {}
            (false, None) => {
                self.window.push((number, cells));
                if self.window.len() == HEADER_WINDOW {
                    self.settle(budget)?;
                }
            }
        }
        Ok(())
    }

    /// Picks the header among the first rows, keeping the rows after it.
    pub(super) fn settle(&mut self, budget: &mut Budget) -> Result<(), ReadError> {
        let window = std::mem::take(&mut self.window);
        let fullest = window
            .iter()
            .map(|(_, cells)| filled(cells))
            .max()
            .unwrap_or(0);
        self.fullest = Some(fullest);
        let mut rows = window
            .into_iter()
            .skip_while(|(_, cells)| !is_header(cells, fullest));
        if let Some((_, headers)) = rows.next() {
            self.headers = Some(headers);
            for (number, cells) in rows {
                self.keep(budget, number, cells)?;
            }
        }
        Ok(())
    }

    pub(super) fn keep(
        &mut self,
        budget: &mut Budget,
        number: usize,
        mut cells: Vec<String>,
    ) -> Result<(), ReadError> {
        let width = self.headers.as_ref().map_or(0, Vec::len);
        if cells.len() < width {
            cells.resize(width, String::new());
        }
        budget.row(cells.len())?;
        self.rows.push((number, cells));
        Ok(())
    }

    /// The sheet, or None when no row looks like a header.
    pub(super) fn finish(mut self, budget: &mut Budget) -> Result<Option<Sheet>, ReadError> {
        if self.fullest.is_none() {
            self.settle(budget)?;
        }
        let Some(mut headers) = self.headers else {
            return Ok(None);
        };
        // A table placed at C3 reads with two empty columns in front; the partner sees none.
        let blank = self
            .rows
            .iter()
            .map(|(_, cells)| cells)
            .chain([&headers])
            .map(|cells| cells.iter().take_while(|c| c.is_empty()).count())
            .min()
            .unwrap_or(0);
        for cells in self
            .rows
            .iter_mut()
            .map(|(_, cells)| cells)
            .chain([&mut headers])
        {
            cells.drain(..blank.min(cells.len()));
        }
        Ok(Some(Sheet {
            name: self.name,
            headers,
            rows: self.rows,
        }))
    }
}

fn filled(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.is_empty()).count()
}

fn is_header(cells: &[String], fullest: usize) -> bool {
    let n = filled(cells);
    n >= 2 && n * 2 >= fullest
}
