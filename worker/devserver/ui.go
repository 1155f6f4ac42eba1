package devserver

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	uiserver "github.com/temporalio/ui-server/v2/server"
	uiconfig "github.com/temporalio/ui-server/v2/server/config"
	uioptions "github.com/temporalio/ui-server/v2/server/server_options"
)

// startUI runs the Temporal Web UI against the frontend and waits until it answers.
// The UI server cannot take a listener and exits the process when it cannot listen, so
// Start checks the port first (portOrFree) and this waits for /healthz.
func startUI(ctx context.Context, cfg Config, port, uiPort int) (*uiserver.Server, error) {
	ui := uiserver.NewServer(uioptions.WithConfigProvider(&uiconfig.Config{
		Host:                host,
		Port:                uiPort,
		TemporalGRPCAddress: hostPort(port),
		EnableUI:            true,
		DefaultNamespace:    cfg.Namespace,
		// As the CLI's dev server: plain HTTP on localhost, so the CSRF cookie may not
		// require HTTPS.
		CORS:                uiconfig.CORS{CookieInsecure: true},
		HideLogs:            true,
		DisableNewsFetch:    true,
		DisableWriteActions: !cfg.AllowUIActions,
		Codec: uiconfig.Codec{
			Endpoint: cfg.CodecEndpoint,
			// The UI passes its access token only to an https endpoint (and then has
			// none without its own login): on localhost the session cookie serves.
			PassAccessToken:     strings.HasPrefix(cfg.CodecEndpoint, "https://"),
			IncludeCredentials:  cfg.CodecEndpoint != "",
			DefaultErrorLink:    cfg.CodecSignIn,
			DefaultErrorMessage: codecMessage(cfg.CodecSignIn),
		},
	}))
	go func() {
		if err := ui.Start(); err != nil {
			cfg.Logger.Error().Err(err).Msg("Web UI stopped")
		}
	}()
	url := fmt.Sprintf("http://%s/healthz", hostPort(uiPort))
	client := &http.Client{Timeout: time.Second}
	err := poll(ctx, 25*time.Millisecond, func() error {
		resp, err := client.Get(url)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		return nil
	})
	if err != nil {
		ui.Stop()
		return nil, fmt.Errorf("Web UI did not become ready: %w", err)
	}
	return ui, nil
}

// codecMessage is what the UI says when the codec endpoint refuses (no session, or an
// expired one): in Dutch, since the UI's own text is English and links to Temporal's
// documentation. The UI shows the sign-in page as the link under it (DefaultErrorLink);
// the text names it too, for a reader who copies it.
func codecMessage(signIn string) string {
	const why = "de gegevens van deze zaak blijven versleuteld tot u bent aangemeld als medewerker van de gemeente van de zaak."
	if signIn == "" {
		return "Meld u opnieuw aan in wijkflow om de gegevens te zien: " + why
	}
	return "Meld u opnieuw aan in wijkflow om de gegevens te zien: " + signIn + "; " + why
}
