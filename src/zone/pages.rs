//! The zone's pages under `/:lang`, mounted by the app with one line.

use super::company::CompanyPage;
use super::directory::ZonePage;
use leptos::prelude::*;
use leptos_router::{
    MatchNestedRoutes, SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

#[component(transparent)]
pub fn ZoneRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("zone") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=ZonePage ssr=SsrMode::Async />
            <Route path=path!(":mic/:symbol") view=CompanyPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
