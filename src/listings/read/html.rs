//! The HTML table exchange websites serve under an `.xls` name (the Stock Exchange of
//! Thailand's list of listed companies is one). Only the cells' text is kept: no markup, no
//! script or style content, nothing executed.

use super::document::{ReadError, Sheet};
use super::sheet::{Budget, MAX_COLUMNS, SheetBuilder, too_wide};
use scraper::{ElementRef, Html, Node, Selector};

/// HTML's own cap on `colspan`.
const MAX_SPAN: usize = 1000;
/// Elements whose text is not content.
const HIDDEN: [&str; 4] = ["script", "style", "template", "noscript"];
/// Elements that break a line: the text on either side must not run together.
const BREAKS: [&str; 4] = ["br", "p", "div", "li"];

/// Tables looked at: an exchange's page has a few (layout, navigation, the list).
const MAX_TABLES: usize = 100;

pub(super) fn read(text: &str, budget: &mut Budget) -> Result<Vec<Sheet>, ReadError> {
    let document = Html::parse_document(text);
    let tables = Selector::parse("table").expect("`table` is a valid selector");
    let rows = Selector::parse("tr").expect("`tr` is a valid selector");
    // The data is the table with the most rows; on a tie, the first.
    let mut best: Option<Vec<ElementRef<'_>>> = None;
    // Each table's rows are a walk of its subtree: a bounded number of tables keeps a file of
    // thousands of nested tables linear.
    for table in document.select(&tables).take(MAX_TABLES) {
        let own = own_rows(table, &rows);
        if best.as_ref().is_none_or(|best| own.len() > best.len()) {
            best = Some(own);
        }
    }
    let mut builder = SheetBuilder::new(None);
    for (index, row) in best.unwrap_or_default().into_iter().enumerate() {
        let number = index + 1;
        let cells = row_cells(row, number, budget)?;
        builder.push(budget, number, cells)?;
    }
    let sheet = builder.finish(budget)?.ok_or(ReadError::NoTable)?;
    Ok(vec![sheet])
}

/// The table's own rows, not those of tables nested in its cells: sites wrap the data in
/// layout tables.
fn own_rows<'a>(table: ElementRef<'a>, rows: &Selector) -> Vec<ElementRef<'a>> {
    let nearest_table = |row: &ElementRef<'a>| {
        let mut tables = row.ancestors().filter_map(ElementRef::wrap);
        tables.find(|element| element.value().name() == "table")
    };
    table
        .select(rows)
        .filter(|row| nearest_table(row) == Some(table))
        .collect()
}

/// A row's `<td>` and `<th>` cells, each spanned column after the first left empty so the
/// columns under a wide title still line up.
fn row_cells(
    row: ElementRef<'_>,
    number: usize,
    budget: &mut Budget,
) -> Result<Vec<String>, ReadError> {
    let mut cells = Vec::new();
    let is_cell = |element: &ElementRef<'_>| matches!(element.value().name(), "td" | "th");
    for cell in row.child_elements().filter(is_cell) {
        cells.push(budget.cell(&cell_text(cell))?);
        let span = cell
            .attr("colspan")
            .and_then(|span| span.trim().parse::<usize>().ok());
        let span = span.unwrap_or(1).clamp(1, MAX_SPAN);
        if cells.len() + span - 1 > MAX_COLUMNS {
            return Err(too_wide(number));
        }
        cells.resize(cells.len() + span - 1, String::new());
    }
    Ok(cells)
}

/// The text a reader sees: line breaks and runs of white space (no-break spaces included) as
/// one space.
fn cell_text(cell: ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in cell.descendants() {
        match node.value() {
            Node::Text(part) => {
                let parent = node.parent().and_then(|parent| parent.value().as_element());
                if !parent.is_some_and(|parent| HIDDEN.contains(&parent.name())) {
                    text.push_str(part);
                }
            }
            Node::Element(element) if BREAKS.contains(&element.name()) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::cells;
    use super::super::{Format, Limits, ReadError, read};
    use encoding_rs::WINDOWS_874;

    /// The Stock Exchange of Thailand's list: a layout table around the data, a title row
    /// spanning the columns above the header, dashes and no-break spaces for empty cells.
    const SET_PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620">
<style>td { color: red }</style><script>var row = "<tr><td>x</td><td>y</td></tr>";</script>
</head><body><table><tr><td>เมนู</td><td>
<table>
<tr><td colspan="4"><b>รายชื่อบริษัทจดทะเบียน</b> ข้อมูล ณ วันที่ 1 มกราคม 2568</td></tr>
<tr><th>หลักทรัพย์</th><th>ชื่อบริษัท</th><th>ตลาด</th><th>เว็บไซต์</th></tr>
<tr><td>AOT</td><td>บริษัท ท่าอากาศยานไทย<br>จำกัด   (มหาชน)</td><td>SET</td><td>-</td></tr>
<tr><td>ADD</td><td colspan="2">บริษัท แอดไวซ์ ไอที อินฟินิท จำกัด (มหาชน)</td><td>&nbsp;</td></tr>
<tr><td>PTT</td><td>บริษัท ปตท. จำกัด (มหาชน)<script>document.write("x")</script></td>
<td>SET</td><td>www.pttplc.com</td></tr>
</table></td></tr></table>
<table><tr><td>a</td><td>b</td></tr></table>
</body></html>"#;

    #[test]
    fn set_list_in_windows_874() {
        let (bytes, _, unmappable) = WINDOWS_874.encode(SET_PAGE);
        assert!(!unmappable);
        let doc = read(&bytes, None, &Limits::default()).unwrap();
        assert_eq!(
            (doc.format, doc.encoding.as_deref()),
            (Format::Html, Some("windows-874"))
        );
        let sheet = &doc.sheets[0];
        assert_eq!(sheet.name, None);
        assert_eq!(sheet.headers, ["หลักทรัพย์", "ชื่อบริษัท", "ตลาด", "เว็บไซต์"]);
        let rows = [
            (
                3,
                cells(&["AOT", "บริษัท ท่าอากาศยานไทย จำกัด (มหาชน)", "SET", ""]),
            ),
            (
                4,
                cells(&["ADD", "บริษัท แอดไวซ์ ไอที อินฟินิท จำกัด (มหาชน)", "", ""]),
            ),
            (
                5,
                cells(&["PTT", "บริษัท ปตท. จำกัด (มหาชน)", "SET", "www.pttplc.com"]),
            ),
        ];
        assert_eq!(sheet.rows, rows);
    }

    #[test]
    fn a_page_without_a_header_row_has_no_table() {
        for page in [
            "<html><table></table></html>",
            "<table><tr><td>only</td></tr></table>",
        ] {
            let doc = read(page.as_bytes(), None, &Limits::default());
            assert_eq!(doc, Err(ReadError::NoTable));
        }
    }
}
