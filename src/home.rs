//! `/{lang}/`: what the platform is, and the zone's figures as the data has them today.

use crate::i18n::{Lang, tr, tr_count, use_lang};
use crate::matchmaking::LiaisonFiguresSection;
use crate::ui::Loaded;
use crate::web::meta::PageMeta;
use crate::web::url::Page;
use crate::zone::{ZoneFigures, api::fetch_zone_figures};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let figures = Resource::new(|| (), move |_| fetch_zone_figures(lang));
    view! {
        <PageMeta title=tr(lang, "home-title") description=tr(lang, "home-description") />
        <section class="hero">
            <h1>{tr(lang, "home-heading")}</h1>
            <p class="lead">{tr(lang, "home-lead")}</p>
            <a class="button primary" href=Page::Zone.url(lang)>{tr(lang, "home-cta-zone")}</a>
        </section>
        <Loaded resource=figures show=move |figures| view! { <Figures lang figures /> } />
        <LiaisonFiguresSection />
    }
}

#[component]
fn Figures(lang: Lang, figures: ZoneFigures) -> impl IntoView {
    let figure = |value: u64, key: &str| {
        view! {
            <div class="figure">
                <dd>{value}</dd>
                <dt>{tr(lang, key)}</dt>
            </div>
        }
    };
    view! {
        <section class="figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{tr(lang, "home-figures")}</h2>
            <dl class="figure-grid">
                {figure(figures.companies, "home-figure-companies")}
                {figure(figures.exchanges, "home-figure-exchanges")}
                {figure(figures.countries, "home-figure-countries")}
                {figure(figures.with_intents, "home-figure-intents")}
                {figure(figures.green, "home-figure-green")}
            </dl>
        </section>
        <section class="exchanges" aria-labelledby="exchanges-heading">
            <h2 id="exchanges-heading">{tr(lang, "home-exchanges")}</h2>
            <ul class="exchange-list">
                {figures
                    .per_exchange
                    .into_iter()
                    .map(|e| {
                        view! {
                            <li>
                                <a href=Page::Zone.url_with(lang, &[("exchange", &e.mic)])>
                                    <strong>{e.name}</strong>
                                    <span class="muted">{e.country}</span>
                                    <span>
                                        {tr_count(lang, "zone-result-count", e.companies)}
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
