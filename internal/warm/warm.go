// Package warm is a temporary build-cache warmer; removed once real code imports these.
package warm

import (
	_ "github.com/go-playground/validator/v10"
	_ "github.com/google/cel-go/cel"
	_ "github.com/invopop/jsonschema"
	_ "github.com/rickar/cal/v2"
	_ "github.com/rickar/cal/v2/nl"
	_ "github.com/rs/zerolog"
	_ "github.com/temporalio/ui-server/v2/server"
	_ "go.temporal.io/sdk/client"
	_ "go.temporal.io/sdk/testsuite"
	_ "go.temporal.io/sdk/worker"
	_ "go.temporal.io/sdk/workflow"
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"
	_ "go.temporal.io/server/temporal"
	_ "go.temporal.io/server/temporaltest"
	_ "gopkg.in/yaml.v3"
)
