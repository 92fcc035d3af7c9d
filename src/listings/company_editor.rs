//! The sections of a company's edit form: its texts in four languages side by side, its listing
//! facts, its cooperation intentions and its financial years. Each control shows the company as
//! stored, or after a refused post what was typed, with the problem under it.

use super::{COMPANY_TEXT_FIELDS, CompanyForm, CompanyFormTexts, CompanyFormYear};
use crate::i18n::{Lang, tr};
use crate::web::form::{Feedback, Field, FieldState, use_feedback};
use crate::zone::INTENT_KINDS;
use leptos::prelude::*;

/// The message key of a form field's label: the import's, so that both name fields alike.
fn field_label(lang: Lang, field: &str) -> String {
    tr(lang, &format!("import-field-{}", field.replace('_', "-")))
}

/// A language's own name from its code (`th` → ไทย).
fn native(code: &str) -> &'static str {
    Lang::from_code(code).map_or("", Lang::native_name)
}

/// What a control shows: after a refused post the values as typed (nothing is lost), else the
/// company as stored.
struct Shown {
    feedback: Feedback,
    again: bool,
}

impl Shown {
    fn new() -> Shown {
        let feedback = use_feedback();
        Shown {
            again: feedback.has_errors(),
            feedback,
        }
    }

    fn text(&self, name: &str, stored: &str) -> String {
        if self.again {
            self.feedback.value(name)
        } else {
            stored.to_owned()
        }
    }

    /// An unticked checkbox sends nothing, a ticked one `on`.
    fn checked(&self, name: &str, stored: bool) -> bool {
        if self.again {
            self.feedback.value(name) == "on"
        } else {
            stored
        }
    }
}

/// The four texts side by side: a row per text, a column per language.
#[component]
pub fn TextsTable(lang: Lang, texts: Vec<CompanyFormTexts>) -> impl IntoView {
    let shown = Shown::new();
    let head = texts
        .iter()
        .map(|t| view! { <th scope="col">{native(&t.lang)}</th> })
        .collect_view();
    let rows = COMPANY_TEXT_FIELDS
        .into_iter()
        .enumerate()
        .map(|(i, field)| {
            let label = field_label(lang, field);
            let cells = texts
                .iter()
                .map(|t| {
                    let name = format!("{field}.{}", t.lang);
                    let stored = t.values.get(i).map_or("", String::as_str);
                    let value = shown.text(&name, stored);
                    let state = FieldState::of(&shown.feedback, &name);
                    let aria = format!("{label} ({})", native(&t.lang));
                    let (id, invalid) = (state.id.clone(), state.invalid().then_some("true"));
                    let described = state.described_by.clone();
                    let control = if field == "name" {
                        view! {
                            <input id=id type="text" name=name lang=t.lang.clone() value=value
                                aria-label=aria aria-invalid=invalid aria-describedby=described />
                        }
                        .into_any()
                    } else {
                        view! {
                            <textarea id=id name=name lang=t.lang.clone() rows="5"
                                aria-label=aria aria-invalid=invalid aria-describedby=described>{value}</textarea>
                        }
                        .into_any()
                    };
                    view! { <td class:invalid=state.invalid()>{control} {state.message()}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <TableFieldset lang legend="partner-company-texts" hint="partner-company-texts-hint" class="company-texts">
            <thead><tr><td></td>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </TableFieldset>
    }
}

/// A section of the form that is a table: its legend and hint (message keys), then the table of
/// `children` (head and body), in a box that scrolls sideways on narrow screens.
#[component]
fn TableFieldset(
    lang: Lang,
    legend: &'static str,
    hint: &'static str,
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{tr(lang, legend)}</legend>
            <p class="hint">{tr(lang, hint)}</p>
            <div class="table-scroll">
                <table class=format!("console-table {class}")>{children()}</table>
            </div>
        </fieldset>
    }
}

/// A select of (code, label) with its label and its problem. A stored code no longer offered
/// stays choosable, and an empty one is offered only while nothing was chosen, so that saving
/// never changes a value nobody touched.
#[component]
fn ChoiceInput(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    stored: String,
    selected: String,
) -> impl IntoView {
    let state = FieldState::of(&use_feedback(), name);
    let mut options = options;
    if !stored.is_empty() && !options.iter().any(|(code, _)| *code == stored) {
        options.push((stored.clone(), stored.clone()));
    }
    let empty = stored
        .is_empty()
        .then(|| view! { <option value="" selected=selected.is_empty()>"—"</option> });
    let options = options
        .into_iter()
        .map(|(code, text)| {
            let chosen = code == selected;
            view! { <option value=code selected=chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field" class:invalid=state.invalid()>
            <label for=state.id.clone()>{label}</label>
            <select
                id=state.id.clone()
                name=name
                aria-invalid=state.invalid().then_some("true")
                aria-describedby=state.described_by.clone()
            >
                {empty}
                {options}
            </select>
            {state.message()}
        </div>
    }
}

/// Market, industry, sector, country, website, listing date and the green flag.
#[component]
pub fn ListingFacts(lang: Lang, form: CompanyForm) -> impl IntoView {
    let shown = Shown::new();
    let market = shown.text("market", &form.market);
    let industry = shown.text("industry", &form.industry);
    let sector = shown.text("sector", &form.sector);
    let country = shown.text("country", &form.country);
    let website = shown.text("website", &form.website);
    let contact_email = shown.text("contact_email", &form.contact_email);
    let listing_date = shown.text("listing_date", &form.listing_date);
    let green = shown.checked("green", form.green);
    view! {
        <fieldset>
            <legend>{tr(lang, "partner-company-listing-facts")}</legend>
            <ChoiceInput name="market" label=tr(lang, "import-field-market") options=form.markets
                selected=market stored=form.market />
            <ChoiceInput name="industry" label=tr(lang, "import-field-industry") options=form.industries
                selected=industry stored=form.industry />
            // Not `required` in the markup: the server's check marks what is missing, together
            // with every other problem of the post.
            <Field name="sector" label=tr(lang, "import-field-sector") value=sector required=false />
            <Field name="country" label=tr(lang, "import-field-country") value=country
                hint=tr(lang, "partner-company-country-hint") required=false />
            <Field name="website" label=tr(lang, "import-field-website") value=website required=false />
            <Field name="contact_email" kind="email" label=tr(lang, "import-field-contact-email") value=contact_email
                hint=tr(lang, "partner-company-contact-hint") required=false />
            <Field name="listing_date" kind="date" label=tr(lang, "import-field-listing-date")
                value=listing_date required=false />
            <label class="check">
                <input type="checkbox" name="green" checked=green />
                <span>{tr(lang, "import-field-green")}</span>
            </label>
        </fieldset>
    }
}

/// The cooperation intentions, one checkbox each (`intent.{kind}`).
#[component]
pub fn Intents(lang: Lang, declared: Vec<String>) -> impl IntoView {
    let shown = Shown::new();
    let boxes = INTENT_KINDS
        .into_iter()
        .map(|kind| {
            let name = format!("intent.{kind}");
            let checked = shown.checked(&name, declared.iter().any(|d| d == kind));
            view! {
                <label class="check">
                    <input type="checkbox" name=name checked=checked />
                    <span>{tr(lang, &format!("intent-{kind}"))}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="intents">
            <legend>{tr(lang, "import-field-intents")}</legend>
            {boxes}
        </fieldset>
    }
}

/// The columns of a year's row between its year and its audit, as the form names them.
const YEAR_FIELDS: [&str; 7] = [
    "currency",
    "unit",
    "revenue",
    "net_profit",
    "total_assets",
    "total_equity",
    "eps",
];

/// One cell of the years' table: an input labelled by its column and year, its problem under it.
fn year_cell(shown: &Shown, name: String, label: String, stored: &str) -> impl IntoView + use<> {
    let state = FieldState::of(&shown.feedback, &name);
    let value = shown.text(&name, stored);
    view! {
        <td class:invalid=state.invalid()>
            <input id=state.id.clone() type="text" name=name size="10" inputmode="decimal" value=value
                aria-label=label aria-invalid=state.invalid().then_some("true")
                aria-describedby=state.described_by.clone() />
            {state.message()}
        </td>
    }
}

/// The financial years, a row each, with a box to remove it; and an empty row to add one.
#[component]
pub fn Years(lang: Lang, years: Vec<CompanyFormYear>) -> impl IntoView {
    let shown = Shown::new();
    let labels: Vec<String> = YEAR_FIELDS.iter().map(|f| field_label(lang, f)).collect();
    let head = labels
        .iter()
        .map(|l| view! { <th scope="col">{l.clone()}</th> })
        .collect_view();
    // A row's cells: `{field}.{suffix}` each, labelled by its column and `which` year.
    let row_cells = |suffix: &str, which: &str, values: [&str; 7]| {
        YEAR_FIELDS
            .iter()
            .zip(values)
            .zip(&labels)
            .map(|((f, v), l)| {
                year_cell(&shown, format!("{f}.{suffix}"), format!("{l} {which}"), v)
            })
            .collect_view()
    };
    let rows = years
        .iter()
        .map(|y| {
            let year = y.fiscal_year.to_string();
            let stored = [
                &y.currency,
                &y.unit,
                &y.revenue,
                &y.net_profit,
                &y.total_assets,
                &y.total_equity,
                &y.eps,
            ];
            let cells = row_cells(&year, &year, stored.map(String::as_str));
            let audited = format!("audited.{year}");
            let remove = format!("remove.{year}");
            view! {
                <tr>
                    <th scope="row">{year.clone()} <input type="hidden" name="year" value=year.clone() /></th>
                    {cells}
                    <td><input type="checkbox" name=audited.clone() checked=shown.checked(&audited, y.audited)
                        aria-label=format!("{} {year}", field_label(lang, "audited")) /></td>
                    <td><input type="checkbox" name=remove.clone() checked=shown.checked(&remove, false)
                        aria-label=format!("{} {year}", tr(lang, "partner-company-year-remove")) /></td>
                </tr>
            }
        })
        .collect_view();
    // The added year starts in the latest year's currency and unit: they alone add nothing.
    let latest = years.last();
    let defaults = [
        latest.map_or("", |y| y.currency.as_str()),
        latest.map_or("1", |y| y.unit.as_str()),
        "",
        "",
        "",
        "",
        "",
    ];
    let new_label = format!("({})", tr(lang, "partner-company-year-new"));
    let new_cells = row_cells("new", &new_label, defaults);
    let new_year = year_cell(
        &shown,
        "fiscal_year.new".to_owned(),
        format!("{} {new_label}", field_label(lang, "fiscal_year")),
        "",
    );
    view! {
        <TableFieldset lang legend="partner-company-years" hint="partner-company-years-hint" class="company-years">
            <thead>
                <tr>
                    <th scope="col">{field_label(lang, "fiscal_year")}</th>
                    {head}
                    <th scope="col">{field_label(lang, "audited")}</th>
                    <th scope="col">{tr(lang, "partner-company-year-remove")}</th>
                </tr>
            </thead>
            <tbody>
                {rows}
                <tr class="new-year">
                    {new_year}
                    {new_cells}
                    <td><input type="checkbox" name="audited.new" checked=shown.checked("audited.new", false)
                        aria-label=format!("{} {new_label}", field_label(lang, "audited")) /></td>
                    <td></td>
                </tr>
            </tbody>
        </TableFieldset>
    }
}
