use std::process::ExitCode;
use vnext::config::Config;

const USAGE: &str = "usage: vnext [serve | migrate | seed --companies N]

  serve                 migrate, load demo data into an empty database, and serve (default)
  migrate               migrate and load demo data, then exit
  seed --companies N    migrate, then add N generated companies to an empty database (for
                        benchmarks; the first 64 are the demo companies), then exit

Configuration comes from the environment; see README.md.";

enum Command {
    Serve,
    Migrate,
    Seed(usize),
}

fn command(args: &[String]) -> Option<Command> {
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["serve"] => Some(Command::Serve),
        ["migrate"] => Some(Command::Migrate),
        ["seed", "--companies", n] => n.parse().ok().filter(|n| *n > 0).map(Command::Seed),
        _ => None,
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = command(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
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
    match run(config, command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config, command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let db = vnext::db::connect(&config.database_url).await?;
    match command {
        Command::Seed(count) => {
            vnext::db::prepare(&db, false).await?;
            vnext::zone::demo::seed_generated(&db, count).await?;
            tracing::info!("seeded {count} generated companies");
            return Ok(());
        }
        Command::Migrate => return Ok(vnext::db::prepare(&db, config.demo_data).await?),
        Command::Serve => vnext::db::prepare(&db, config.demo_data).await?,
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
