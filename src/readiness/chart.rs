//! The scores as a bar chart drawn on the server in SVG: one bar per dimension, the take
//! before as a thin bar under it, and a line where a dimension stops being weak. A table with
//! the same figures follows the chart for those who do not see it.

use super::{DimensionResult, WEAK_BELOW};
use crate::i18n::{Lang, tr, tr_args};
use leptos::prelude::*;

const WIDTH: u32 = 640;
const ROW: u32 = 56;
/// Where the bars begin and how long 100 is.
const BAR_X: u32 = 0;
const BAR_WIDTH: u32 = 560;

fn x_of(score: u32) -> u32 {
    BAR_X + BAR_WIDTH * score.min(100) / 100
}

#[component]
pub fn ScoreChart(lang: Lang, dimensions: Vec<DimensionResult>) -> impl IntoView {
    let height = ROW * dimensions.len() as u32 + 24;
    let compared = dimensions.iter().any(|d| d.previous.is_some());
    let rows = dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let top = 24 + ROW * i as u32;
            let class = if d.weak { "bar weak" } else { "bar" };
            let previous = d.previous.map(|p| {
                view! { <rect class="bar previous" x=BAR_X y=top + 36 width=x_of(p) - BAR_X height="6" rx="2" /> }
            });
            view! {
                <g>
                    <text class="label" x=BAR_X y=top + 12>{d.label.clone()}</text>
                    <rect class="track" x=BAR_X y=top + 18 width=BAR_WIDTH height="16" rx="3" />
                    <rect class=class x=BAR_X y=top + 18 width=x_of(d.score) - BAR_X height="16" rx="3" />
                    {previous}
                    <text class="value" x=BAR_X + BAR_WIDTH + 8 y=top + 31>{d.score}</text>
                </g>
            }
        })
        .collect_view();
    let weak_x = x_of(WEAK_BELOW);
    let title = tr(lang, "readiness-chart-title");
    let legend = compared.then(|| tr(lang, "readiness-chart-previous"));
    view! {
        <figure class="score-chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=title.clone()
                xmlns="http://www.w3.org/2000/svg">
                <line class="threshold" x1=weak_x x2=weak_x y1="16" y2=height />
                <text class="threshold-label" x=weak_x + 4 y="12">
                    {tr_args(lang, "readiness-chart-weak", &[("score", WEAK_BELOW.into())])}
                </text>
                {rows}
            </svg>
            <figcaption>{title} {legend.map(|l| view! { " · " {l} })}</figcaption>
        </figure>
    }
}
