// The harness around today's-style Go snippets: a client pointed at the recorder, then
// the snippet named on the command line. The tests add one file per snippet beside this
// one, each holding the snippet's own import block and its lines, unchanged, in a func.
package main

import (
	"context"
	"fmt"
	"os"

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
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: harness <example> <base url>")
		os.Exit(2)
	}
	// The SDK's own adapter, with Graph's middleware (it turns `Me()`'s
	// `users/me-token-to-replace` into `me`, as every real client does).
	adapter, err := msgraphsdk.NewGraphRequestAdapter(bearer{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	adapter.SetBaseUrl(os.Args[2])
	run, ok := snippets[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "no snippet %q\n", os.Args[1])
		os.Exit(2)
	}
	run(msgraphsdk.NewGraphServiceClient(adapter))
}
