// The harness around today's-style Go snippets: a client pointed at the recorder, then
// each snippet named on the command line. The tests add one file per snippet beside this
// one, each holding the snippet's own import block and its lines, unchanged, in a func.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	abs "github.com/microsoft/kiota-abstractions-go"
	msgraphsdk "github.com/microsoftgraph/msgraph-beta-sdk-go"
)

// bearer adds a fixed token, so the recorder can check that the SDK sends one.
type bearer struct{}

func (bearer) AuthenticateRequest(_ context.Context, request *abs.RequestInformation, _ map[string]interface{}) error {
	request.Headers.Add("Authorization", "Bearer test-token")
	return nil
}

// snippets is filled by the snippet files' init functions.
var snippets = map[string]func(graphClient *msgraphsdk.GraphServiceClient){}

func main() {
	args := os.Args[1:]
	if len(args) == 0 || len(args)%2 != 0 {
		fmt.Fprintln(os.Stderr, "usage: harness <example> <base url> [<example> <base url>]...")
		os.Exit(2)
	}
	// One process for the batch; after each snippet a line says how it went
	// (tests/recorder.rs reads it).
	for i := 0; i < len(args); i += 2 {
		if err := runOne(args[i], args[i+1]); err != nil {
			fmt.Printf("sdkgen-batch %d error %s\n", i/2, strings.ReplaceAll(err.Error(), "\n", "\\n"))
		} else {
			fmt.Printf("sdkgen-batch %d ok\n", i/2)
		}
	}
}

// runOne runs one snippet against baseURL; a panic is its failure, not the batch's.
func runOne(example, baseURL string) (failure error) {
	defer func() {
		if r := recover(); r != nil {
			failure = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	run, ok := snippets[example]
	if !ok {
		return fmt.Errorf("no snippet %q", example)
	}
	// The SDK's own adapter, with Graph's middleware (it turns `Me()`'s
	// `users/me-token-to-replace` into `me`, as every real client does).
	adapter, err := msgraphsdk.NewGraphRequestAdapter(bearer{})
	if err != nil {
		return err
	}
	adapter.SetBaseUrl(baseURL)
	run(msgraphsdk.NewGraphServiceClient(adapter))
	return nil
}
