//! `/{lang}/zone/{mic}/{symbol}`: one overseas listed company.

use super::api::{fetch_company, fetch_liaison};
use super::financials::Financials;
use super::{CompanyProfile, Liaison};
use crate::i18n::{Lang, Localized, format_date, tr, tr_args, use_lang};
use crate::ui::{Fact, Loaded, LocalizedText};
use crate::web::meta::PageMeta;
use crate::web::url::Page;
use crate::web::viewer::use_viewer;
use crate::web::views::{NotFound, path_listing};
use leptos::prelude::*;

#[component]
pub fn CompanyPage() -> impl IntoView {
    let lang = use_lang();
    let (mic, symbol) = path_listing();
    let company = Resource::new(
        move || (mic.clone(), symbol.clone()),
        move |(mic, symbol)| fetch_company(lang, mic, symbol),
    );
    view! {
        <Loaded
            resource=company
            show={move |profile: Option<CompanyProfile>| match profile {
                Some(profile) => view! { <CompanyProfileView lang profile /> }.into_any(),
                None => view! { <NotFound /> }.into_any(),
            }}
        />
    }
}

#[component]
fn CompanyProfileView(lang: Lang, profile: CompanyProfile) -> impl IntoView {
    let CompanyProfile {
        mic,
        symbol,
        name,
        local_name,
        exchange,
        market,
        industry,
        sector,
        country,
        website,
        listing_date,
        green,
        main_business,
        advantages,
        cooperation_note,
        intents,
        financials,
        cny_rate,
    } = profile;
    let title = format!("{} ({mic}: {symbol})", name.text);
    let liaison_key = (mic.clone(), symbol.clone());
    let structured = organization_json_ld(
        &name.text,
        local_name.as_deref(),
        website.as_deref(),
        main_business.as_ref(),
        &country,
    );
    let description = tr_args(
        lang,
        "company-description",
        &[("name", name.text.clone().into())],
    );
    let fact = |key: &str, value: AnyView| view! { <Fact label=tr(lang, key)>{value}</Fact> };
    // Only web addresses become links: a `javascript:` or `data:` URL in a partner's data must
    // stay inert text.
    let website = website.map(|url| {
        let shown = url.clone();
        let web = ["https://", "http://"].iter().any(|scheme| {
            url.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        });
        if web {
            view! { <a href=url rel="external nofollow">{shown}</a> }.into_any()
        } else {
            view! { <span>{shown}</span> }.into_any()
        }
    });
    view! {
        <PageMeta title description />
        <script type="application/ld+json" inner_html=structured></script>
        <article class="company">
            <p class="back">
                <a href=Page::Zone.url(lang)>{tr(lang, "company-back")}</a>
            </p>
            <header class="company-head">
                <h1>
                    <LocalizedText text=name />
                    {green.then(|| view! { <span class="badge green">{tr(lang, "zone-green-badge")}</span> })}
                </h1>
                {local_name.map(|local| view! { <p class="local-name">{local}</p> })}
                <dl class="facts">
                    {fact("company-symbol", view! { <span class="symbol">{symbol}</span> }.into_any())}
                    {fact("company-exchange", exchange.into_any())}
                    {fact("company-market", market.into_any())}
                    {fact("company-industry", industry.into_any())}
                    {fact("company-sector", sector.into_any())}
                    {fact("company-country", country.into_any())}
                    {listing_date.map(|d| fact("company-listed", format_date(lang, &d).into_any()))}
                    {website.map(|w| fact("company-website", w))}
                </dl>
            </header>
            <TextSection lang heading="company-main-business" text=main_business />
            <TextSection lang heading="company-advantages" text=advantages />
            <section class="company-section" aria-labelledby="cooperation">
                <h2 id="cooperation">{tr(lang, "company-cooperation")}</h2>
                <ul class="chips">{intents.into_iter().map(|i| view! { <li class="chip">{i}</li> }).collect_view()}</ul>
                {cooperation_note.map(|text| view! { <p><LocalizedText text /></p> })}
            </section>
            <Financials lang years=financials rate=cny_rate />
            <LiaisonSection lang mic=liaison_key.0 symbol=liaison_key.1 />
            <section class="company-section" aria-labelledby="roadshows">
                <h2 id="roadshows">{tr(lang, "company-roadshows")}</h2>
                <p class="muted">{tr(lang, "company-roadshows-none")}</p>
            </section>
        </article>
    }
}

/// The exchange's liaison desk for verified enterprises, operators and the exchange's own
/// partners; everyone else is told how to get it.
#[component]
fn LiaisonSection(lang: Lang, mic: String, symbol: String) -> impl IntoView {
    let viewer = use_viewer();
    let here = Page::Company {
        mic: &mic,
        symbol: &symbol,
    }
    .url(lang);
    let body = match viewer {
        None => view! {
            <p>{tr(lang, "company-liaison-signin")}</p>
            <p>
                <a class="button primary" href=Page::Login.url_with(lang, &[("next", &here)])>
                    {tr(lang, "company-liaison-cta")}
                </a>
            </p>
        }
        .into_any(),
        Some(v) if !v.may_see_liaison(&mic) => {
            view! { <p class="muted">{tr(lang, "company-liaison-verified-only")}</p> }.into_any()
        }
        Some(v) => {
            // A verified enterprise asks the platform to introduce it (a liaison case).
            let introduce = v.is_verified_enterprise().then(|| {
                let href = Page::Introduce { mic: &mic, symbol: &symbol }.url(lang);
                view! { <p><a class="button primary" href=href>{tr(lang, "company-introduce")}</a></p> }
            });
            // Its exchange's partners and the operators look for demands it could answer.
            let matches = (v.is_operator()
                || v.is_partner() && v.exchange_mic.as_deref() == Some(&mic))
            .then(|| {
                let href = Page::CompanyMatches {
                    mic: &mic,
                    symbol: &symbol,
                }
                .url(lang);
                view! { <p><a class="button" href=href>{tr(lang, "match-link-demands")}</a></p> }
            });
            let liaison = Resource::new(
                move || (mic.clone(), symbol.clone()),
                |(mic, symbol)| fetch_liaison(mic, symbol),
            );
            view! {
                {introduce}
                {matches}
                <Loaded
                    resource=liaison
                    show={move |liaison: Option<Liaison>| {
                        liaison
                            .map(|l| {
                                view! {
                                    <dl class="facts liaison">
                                        {l.name.map(|n| view! { <Fact label=tr(lang, "company-liaison-name")>{n}</Fact> })}
                                        {l.email.map(|e| view! { <Fact label=tr(lang, "form-email")><a href=format!("mailto:{e}")>{e.clone()}</a></Fact> })}
                                        {l.phone.map(|p| view! { <Fact label=tr(lang, "register-phone")>{p}</Fact> })}
                                        {l.company_email.map(|e| view! { <Fact label=tr(lang, "company-contact-email")><a href=format!("mailto:{e}")>{e.clone()}</a></Fact> })}
                                    </dl>
                                }
                            })
                    }}
                />
            }
            .into_any()
        }
    };
    view! {
        <section class="company-section" aria-labelledby="liaison">
            <h2 id="liaison">{tr(lang, "company-liaison")}</h2>
            {body}
        </section>
    }
}

/// schema.org `Organization` data for search engines. Every `<` and `>` is written as a JSON
/// escape, so that no company text can close the script element (`</script>`) or open an HTML
/// comment (`<!--`) that would swallow the rest of the page.
fn organization_json_ld(
    name: &str,
    local_name: Option<&str>,
    website: Option<&str>,
    description: Option<&Localized>,
    country: &str,
) -> String {
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": name,
        "address": { "@type": "PostalAddress", "addressCountry": country },
    });
    if let Some(local) = local_name {
        data["alternateName"] = local.into();
    }
    if let Some(url) = website {
        data["url"] = url.into();
    }
    if let Some(text) = description {
        data["description"] = text.text.as_str().into();
    }
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

/// A heading and a text that may be missing or in another language.
#[component]
fn TextSection(lang: Lang, heading: &'static str, text: Option<Localized>) -> impl IntoView {
    view! {
        <section class="company-section" aria-labelledby=heading>
            <h2 id=heading>{tr(lang, heading)}</h2>
            {match text {
                Some(text) => view! { <p><LocalizedText text /></p> }.into_any(),
                None => view! { <p class="muted">{tr(lang, "company-not-provided")}</p> }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_data_cannot_leave_its_script_element() {
        let hostile = "</script><script>alert(1)</script><!-- x -->";
        let json = organization_json_ld(hostile, Some("<!--"), None, None, "MY");
        assert!(!json.contains('<') && !json.contains('>'), "{json}");
        let data: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(data["name"], hostile);
        assert_eq!(data["alternateName"], "<!--");
    }
}
