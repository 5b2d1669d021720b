// Runs compiled snippet classes in one JVM, in order, each with its own recorder's URL:
// `java SdkgenBatch <class> <url> [<class> <url>]...`. After each one a line says how it
// went (tests/recorder.rs reads it): `sdkgen-batch <i> ok`, or `sdkgen-batch <i> error
// <stack trace, line breaks written as \n>`. One JVM start instead of one per snippet.
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;

public class SdkgenBatch {
    public static void main(String[] args) {
        for (int k = 0; k + 1 < args.length; k += 2) {
            int i = k / 2;
            try {
                Class.forName(args[k]).getMethod("main", String[].class).invoke(null, (Object) new String[] {args[k + 1]});
                System.out.println("sdkgen-batch " + i + " ok");
            } catch (InvocationTargetException e) {
                report(i, e.getCause());
            } catch (Throwable e) {
                report(i, e);
            }
        }
        System.out.flush();
        // The SDKs' HTTP clients may keep threads alive; the batch is over.
        System.exit(0);
    }

    private static void report(int i, Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        System.out.println("sdkgen-batch " + i + " error " + text.toString().replace("\n", "\\n"));
    }
}
