//! What every page puts in its head: title, description,
//! absolute canonical and `hreflang` links from the configured public URL.

use crate::i18n::{Lang, switch_path, tr, use_lang};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

/// The public origin (`https://zone.example.org`) for canonical and alternate links, links in
/// emails and the sitemaps. It comes from configuration only, never from a request.
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

/// `?a=b` from a router search string, which may or may not carry its `?`.
pub(crate) fn query_suffix(search: &str) -> String {
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        String::new()
    } else {
        format!("?{search}")
    }
}

/// Where this site is reachable, for canonical and alternate links.
fn site_origin() -> String {
    #[cfg(feature = "ssr")]
    if let Some(origin) = use_context::<PublicUrl>() {
        return origin.0;
    }
    String::new()
}

/// The text of a `<title>`, escaped: leptos_meta writes it into the head as it is, and a
/// company name from a partner's file could otherwise close the element.
pub fn title_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Title, description, canonical link and the hreflang alternates of a page.
#[component]
pub fn PageMeta(title: String, description: String) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let (path, search) = (
        location.pathname.get_untracked(),
        query_suffix(&location.search.get_untracked()),
    );
    let origin = site_origin();
    let alternates = Lang::ALL
        .into_iter()
        .map(|l| {
            let href = format!("{origin}{}{search}", switch_path(&path, l));
            view! { <Link rel="alternate" hreflang=l.code() href /> }
        })
        .collect_view();
    view! {
        <Title text=title_text(&format!("{title} · {}", tr(lang, "site-name"))) />
        <Meta name="description" content=description />
        <Link rel="canonical" href=format!("{origin}{}{search}", switch_path(&path, lang)) />
        {alternates}
        <Link
            rel="alternate"
            hreflang="x-default"
            href=format!("{origin}{}{search}", switch_path(&path, Lang::DEFAULT))
        />
    }
}
