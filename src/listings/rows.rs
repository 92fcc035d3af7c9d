//! One row of a sheet read into the values it gives, each cell checked; a cell that is not a
//! valid value is a problem with its row, column and value, and gives nothing.

use super::RowProblem;
use super::columns::Field;
use super::read::Sheet;
use super::report::{Context, problem, text_lang};
use super::snapshot::{Intent, Snapshot, Texts, Year};
use super::values::{self, NumberStyle, ValueError};
use super::vocab;
use super::year_cells::YearCells;
use crate::i18n::Lang;
use chrono::NaiveDate;

/// Longest texts a file (or the company edit form) may give: a name, a sector, a paragraph.
pub(super) const NAME_MAX: usize = 200;
pub(super) const SECTOR_MAX: usize = 80;
pub(super) const PARAGRAPH_MAX: usize = 4_000;

/// The currency an exchange's companies report in, when a financial row does not say.
fn home_currency(mic: &str) -> Option<&'static str> {
    match mic {
        "XKLS" => Some("MYR"),
        "XBKK" => Some("THB"),
        "XSES" => Some("SGD"),
        "XHKG" => Some("HKD"),
        "XIDX" => Some("IDR"),
        "XSTC" => Some("VND"),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextField {
    Name,
    MainBusiness,
    Advantages,
    CooperationNote,
}

/// What one valid row says. `None`: the row does not say (an empty cell changes nothing).
#[derive(Debug, Default)]
pub struct Input {
    pub row: usize,
    pub symbol: String,
    pub symbol_header: String,
    /// The row gives something about the company itself, not only a financial year.
    pub describes_company: bool,
    market: Option<String>,
    industry: Option<String>,
    sector: Option<String>,
    country: Option<String>,
    website: Option<String>,
    contact_email: Option<String>,
    listing_date: Option<NaiveDate>,
    green: Option<bool>,
    texts: Vec<(Lang, TextField, String)>,
    intents: Option<Vec<String>>,
    pub years: Vec<Year>,
}

impl Input {
    /// Lays what the row says over `s`.
    pub fn apply_to(self, s: &mut Snapshot) {
        let set = |target: &mut String, value: Option<String>| {
            if let Some(v) = value {
                *target = v;
            }
        };
        set(&mut s.market, self.market);
        set(&mut s.industry, self.industry);
        set(&mut s.sector, self.sector);
        set(&mut s.country, self.country);
        if self.website.is_some() {
            s.website = self.website;
        }
        if self.contact_email.is_some() {
            s.contact_email = self.contact_email;
        }
        if self.listing_date.is_some() {
            s.listing_date = self.listing_date;
        }
        if let Some(green) = self.green {
            s.green = green;
        }
        for (lang, field, text) in self.texts {
            let texts: &mut Texts = s.texts.entry(lang.code().to_owned()).or_default();
            let slot = match field {
                TextField::Name => &mut texts.name,
                TextField::MainBusiness => &mut texts.main_business,
                TextField::Advantages => &mut texts.advantages,
                TextField::CooperationNote => &mut texts.cooperation_note,
            };
            *slot = Some(text);
        }
        if let Some(kinds) = self.intents {
            // Targets a partner set by hand survive an import that lists the same kind.
            let old = std::mem::take(&mut s.intents);
            s.intents = kinds
                .into_iter()
                .map(|kind| {
                    old.iter()
                        .find(|i| i.kind == kind)
                        .cloned()
                        .unwrap_or(Intent {
                            kind,
                            target_industry: None,
                            target_region: None,
                        })
                })
                .collect();
        }
        for year in self.years {
            match s
                .years
                .iter_mut()
                .find(|y| y.fiscal_year == year.fiscal_year)
            {
                Some(old) => *old = year,
                None => s.years.push(year),
            }
        }
        s.years.sort_by_key(|y| y.fiscal_year);
    }
}

/// The inputs of a sheet's rows; problems go to `problems`, and a row with any problem gives no
/// input.
pub fn read(
    sheet: &Sheet,
    fields: &[Option<Field>],
    ctx: &Context,
    problems: &mut Vec<RowProblem>,
) -> Vec<Input> {
    let style = values::number_style(sheet.rows.iter().flat_map(|(_, cells)| {
        cells
            .iter()
            .zip(fields)
            .filter(|(_, f)| f.is_some_and(is_amount))
            .map(|(c, _)| c.as_str())
    }));
    let mut inputs = Vec::new();
    for (row, cells) in &sheet.rows {
        ctx.progress.checked_one();
        let before = problems.len();
        let mut reader = RowReader {
            ctx,
            row: *row,
            style,
            headers: &sheet.headers,
            problems,
        };
        let input = reader.read(cells, fields);
        if problems.len() == before {
            inputs.extend(input);
        }
    }
    inputs
}

fn is_amount(field: Field) -> bool {
    matches!(
        field,
        Field::Revenue
            | Field::NetProfit
            | Field::TotalAssets
            | Field::TotalEquity
            | Field::Eps
            | Field::MarketCap
            | Field::Unit
    )
}

struct RowReader<'a> {
    ctx: &'a Context<'a>,
    row: usize,
    style: NumberStyle,
    headers: &'a [String],
    problems: &'a mut Vec<RowProblem>,
}

impl RowReader<'_> {
    fn fail(&mut self, column: usize, value: &str, code: &str, args: &[(&'static str, String)]) {
        let header = self.headers.get(column).map_or("", String::as_str);
        let p = problem(self.ctx, self.row, header, value, code, args);
        self.problems.push(p);
    }

    /// The value of a cell, or a problem with it.
    fn check<T>(&mut self, column: usize, cell: &str, value: Result<T, ValueError>) -> Option<T> {
        match value {
            Ok(v) => Some(v),
            Err(e) => {
                self.fail(column, cell, e.code(), &e.args());
                None
            }
        }
    }

    fn read(&mut self, cells: &[String], fields: &[Option<Field>]) -> Option<Input> {
        let mut input = Input {
            row: self.row,
            ..Input::default()
        };
        let mut year = YearCells::default();
        let mut gives_year = false;
        let mut symbol_column = None;
        for (column, (cell, field)) in cells.iter().zip(fields).enumerate() {
            let (Some(field), false) = (field, cell.is_empty()) else {
                continue;
            };
            if *field == Field::Symbol {
                symbol_column = Some(column);
                input.symbol_header = self.headers[column].clone();
                if let Some(s) = self.check(column, cell, values::parse_symbol(self.ctx.mic, cell))
                {
                    input.symbol = s;
                }
            } else if field.is_financial() {
                gives_year = true;
                self.year_cell(&mut year, column, cell, *field);
            } else {
                input.describes_company = true;
                self.company_cell(&mut input, column, cell, *field);
            }
        }
        if symbol_column.is_none() {
            let column = fields
                .iter()
                .position(|f| *f == Some(Field::Symbol))
                .unwrap_or(0);
            self.fail(column, "", "required", &[]);
            return None;
        }
        if gives_year {
            input.years.extend(self.complete_year(year, fields));
        }
        Some(input)
    }

    fn company_cell(&mut self, input: &mut Input, column: usize, cell: &str, field: Field) {
        let text = |max| values::bounded_text(cell, max);
        match field {
            // A file without an exchange column is the partner's own; a row of another is refused.
            Field::Exchange if !vocab::is_exchange(self.ctx.mic, cell) => {
                self.fail(column, cell, "other-exchange", &[]);
            }
            Field::Market => match vocab::market(self.ctx.mic, cell) {
                Some(code) => input.market = Some(code.to_owned()),
                None => {
                    let known = vocab::markets_of(self.ctx.mic).join(", ");
                    self.fail(column, cell, "market", &[("known", known)]);
                }
            },
            Field::Industry => match vocab::industry(cell) {
                Some(code) => input.industry = Some(code.to_owned()),
                None => self.fail(column, cell, "industry", &[]),
            },
            Field::Sector => input.sector = self.check(column, cell, text(SECTOR_MAX)),
            Field::Country => input.country = self.check(column, cell, values::parse_country(cell)),
            Field::Website => input.website = self.check(column, cell, values::parse_url(cell)),
            Field::ContactEmail => {
                input.contact_email = self.check(column, cell, values::parse_email(cell));
            }
            Field::ListingDate => {
                input.listing_date = self.check(column, cell, values::parse_date(cell));
            }
            Field::Green => input.green = self.check(column, cell, values::parse_flag(cell)),
            Field::Intents => match vocab::intents(cell) {
                Ok(codes) => input.intents = Some(codes.into_iter().map(String::from).collect()),
                Err(unknown) => self.fail(column, &unknown, "intent", &[]),
            },
            Field::Name(lang) => self.text(input, column, cell, lang, TextField::Name, NAME_MAX),
            Field::MainBusiness(lang) => {
                self.text(
                    input,
                    column,
                    cell,
                    lang,
                    TextField::MainBusiness,
                    PARAGRAPH_MAX,
                );
            }
            Field::Advantages(lang) => {
                self.text(
                    input,
                    column,
                    cell,
                    lang,
                    TextField::Advantages,
                    PARAGRAPH_MAX,
                );
            }
            Field::CooperationNote(lang) => {
                self.text(
                    input,
                    column,
                    cell,
                    lang,
                    TextField::CooperationNote,
                    PARAGRAPH_MAX,
                );
            }
            _ => {}
        }
    }

    fn text(
        &mut self,
        input: &mut Input,
        column: usize,
        cell: &str,
        lang: Option<Lang>,
        field: TextField,
        max: usize,
    ) {
        if let Some(text) = self.check(column, cell, values::bounded_text(cell, max)) {
            input.texts.push((text_lang(lang, &text), field, text));
        }
    }

    fn year_cell(&mut self, year: &mut YearCells, column: usize, cell: &str, field: Field) {
        let style = self.style;
        match field {
            Field::FiscalYear => {
                year.fiscal_year = self.check(column, cell, values::parse_year(cell))
            }
            Field::Currency => {
                year.currency = self.check(column, cell, values::parse_currency(cell))
            }
            Field::Unit => year.unit = self.check(column, cell, values::parse_integer(cell, style)),
            Field::Revenue => {
                year.revenue = self.check(column, cell, values::parse_integer(cell, style))
            }
            Field::NetProfit => {
                year.net_profit = self.check(column, cell, values::parse_integer(cell, style));
            }
            Field::TotalAssets => {
                year.total_assets = self.check(column, cell, values::parse_integer(cell, style));
            }
            Field::TotalEquity => {
                year.total_equity = self.check(column, cell, values::parse_integer(cell, style));
            }
            Field::Eps => year.eps = self.check(column, cell, values::parse_number(cell, style)),
            Field::MarketCap => {
                year.market_cap = self.check(column, cell, values::parse_integer(cell, style));
            }
            Field::MarketCapDate => {
                year.market_cap_date = self.check(column, cell, values::parse_date(cell));
            }
            Field::Audited => year.audited = self.check(column, cell, values::parse_flag(cell)),
            _ => {}
        }
    }

    /// A financial row gives a whole year: its year and its four amounts at least.
    fn complete_year(&mut self, mut y: YearCells, fields: &[Option<Field>]) -> Option<Year> {
        y.currency = y
            .currency
            .or_else(|| home_currency(self.ctx.mic).map(String::from));
        for field in y.missing() {
            let column = fields.iter().position(|f| *f == Some(field)).unwrap_or(0);
            self.fail(column, "", "required", &[("field", field.key())]);
        }
        y.complete()
    }
}
