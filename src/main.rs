use std::process::ExitCode;
use vnext::config::Config;

const USAGE: &str = "usage: vnext [serve | migrate]

  serve     migrate, load demo data into an empty database, and serve (default)
  migrate   migrate and load demo data, then exit

Configuration comes from the environment; see README.md.";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let serve = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["serve"] => true,
        ["migrate"] => false,
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(config.log.as_str())
        .init();
    match run(config, serve).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config, serve: bool) -> Result<(), Box<dyn std::error::Error>> {
    let db = vnext::db::connect(&config.database_url).await?;
    vnext::db::prepare(&db, config.demo_data).await?;
    if !serve {
        return Ok(());
    }
    let mut options = leptos::prelude::get_configuration(None)?.leptos_options;
    if let Some(addr) = config.addr {
        options.site_addr = addr;
    }
    let addr = options.site_addr;
    let app = vnext::serve::app(options, db, config.public_url);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("listening on http://{addr}");
    let service = axum::ServiceExt::<axum::extract::Request>::into_make_service(app);
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
