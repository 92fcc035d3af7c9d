//! `/{lang}/demands`: the public board of published demands, searched in any of the four
//! scripts and filtered by kind, industry, target country and green development. A GET form:
//! it works without JavaScript, and every view has its own shareable address.

use super::api::fetch_board;
use super::views::{DemandCardView, Select};
use super::{Board, BoardQuery};
use crate::i18n::{Lang, tr, tr_args, use_lang};
use crate::ui::{Loaded, Pager};
use crate::web::url::Page;
use crate::web::views::FormPage;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BoardPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().with_untracked(|q| BoardQuery {
        q: q.get("q"),
        kind: q.get("kind"),
        industry: q.get("industry"),
        country: q.get("country"),
        green: q.get("green").is_some_and(|g| g == "on"),
        page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
    });
    let board = Resource::new(move || query.clone(), move |query| fetch_board(lang, query));
    view! {
        <FormPage title="board-title" description="board-intro" lead=true class="board">
            <p><a class="button primary" href=Page::DemandNew.url(lang)>{tr(lang, "board-publish")}</a></p>
            <Loaded resource=board show=move |board| view! { <BoardView lang board /> } />
        </FormPage>
    }
}

#[component]
fn BoardView(lang: Lang, board: Board) -> impl IntoView {
    let query = board.query.clone();
    let count = tr_args(lang, "board-count", &[("count", board.total.into())]);
    let cards = board
        .cards
        .into_iter()
        .map(|card| view! { <DemandCardView lang card /> })
        .collect_view();
    let empty = board.total == 0;
    view! {
        <form method="get" action=Page::Demands.url(lang) class="filters board-filters" role="search">
            <div class="field">
                <label for="board-q">{tr(lang, "board-search")}</label>
                <input id="board-q" type="search" name="q" value=query.q.clone() maxlength="100" />
            </div>
            <Select name="kind" label=tr(lang, "demand-kind") options=board.kinds
                selected=query.kind.clone().unwrap_or_default() blank=tr(lang, "board-any") />
            <Select name="industry" label=tr(lang, "demand-industry") options=board.industries
                selected=query.industry.clone().unwrap_or_default() blank=tr(lang, "board-any") />
            <Select name="country" label=tr(lang, "board-country") options=board.countries
                selected=query.country.clone().unwrap_or_default() blank=tr(lang, "board-any") />
            <div class="field checkbox">
                <input id="board-green" type="checkbox" name="green" value="on" checked=query.green />
                <label for="board-green">{tr(lang, "demand-green")}</label>
            </div>
            <button type="submit" class="button">{tr(lang, "board-apply")}</button>
        </form>
        <p class="result-count" role="status">{count}</p>
        {empty.then(|| view! { <p class="muted">{tr(lang, "board-empty")}</p> })}
        <ul class="demand-list">{cards}</ul>
        <Pager lang page=query.page pages=board.pages href=move |page| Page::Demands.url_at_page(lang, query.pairs(), page) />
    }
}
