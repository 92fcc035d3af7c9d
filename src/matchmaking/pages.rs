//! Matchmaking's pages under `/:lang`, mounted by the app with one line; and its figures for
//! the home page.

use super::api::fetch_liaison_figures;
use super::board::BoardPage;
use super::case_page::CasePage;
use super::demand_form::DemandFormPage;
use super::demand_page::DemandPage;
use super::desk::DeskPage;
use super::introduce::IntroducePage;
use super::match_page::{CompanyMatchesPage, DemandMatchesPage};
use crate::i18n::{format_number, tr, use_lang};
use crate::ui::Loaded;
use leptos::prelude::*;
use leptos_router::{
    MatchNestedRoutes, SsrMode,
    components::{ParentRoute, Route},
    path,
};

#[component(transparent)]
pub fn MatchmakingRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("") view=leptos_router::components::Outlet ssr=SsrMode::Async>
            <Route path=path!("demands") view=BoardPage ssr=SsrMode::Async />
            <Route path=path!("demands/new") view=DemandFormPage ssr=SsrMode::Async />
            <Route path=path!("demands/:id") view=DemandPage ssr=SsrMode::Async />
            <Route path=path!("demands/:id/edit") view=DemandFormPage ssr=SsrMode::Async />
            <Route path=path!("demands/:id/matches") view=DemandMatchesPage ssr=SsrMode::Async />
            <Route path=path!("zone/:mic/:symbol/introduction") view=IntroducePage ssr=SsrMode::Async />
            <Route path=path!("zone/:mic/:symbol/matches") view=CompanyMatchesPage ssr=SsrMode::Async />
            <Route path=path!("cases") view=DeskPage ssr=SsrMode::Async />
            <Route path=path!("cases/:id") view=CasePage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}

/// The liaison mechanism's figures on the home page, from the cases themselves.
#[component]
pub fn LiaisonFiguresSection() -> impl IntoView {
    let lang = use_lang();
    let figures = Resource::new(|| (), |_| fetch_liaison_figures());
    view! {
        <Loaded resource=figures show={move |f: super::LiaisonFigures| {
            let figure = move |value: String, key: &str| view! {
                <div class="figure"><dd>{value}</dd><dt>{tr(lang, key)}</dt></div>
            };
            let count = |n: u64| format_number(n as f64, 0);
            view! {
                <section class="figures" aria-labelledby="liaison-figures">
                    <h2 id="liaison-figures">{tr(lang, "home-liaison-figures")}</h2>
                    <dl class="figure-grid">
                        {figure(count(f.enterprises_served), "home-figure-enterprises-served")}
                        {figure(count(f.introductions), "home-figure-introductions")}
                        {figure(count(f.cooperation_agreed), "home-figure-cooperation")}
                        {figure(count(f.financing_closed), "home-figure-financing")}
                        {figure(format!("¥{}", format_number(f.financing_cny, 0)), "home-figure-financing-amount")}
                    </dl>
                </section>
            }
        }} />
    }
}
