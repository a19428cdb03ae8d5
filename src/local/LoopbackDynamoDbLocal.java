import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as its own main class runs it, but listening on one address
 * (127.0.0.1 unless -Ddevinsights.host says otherwise): the jar has no option
 * for that and binds every interface, which would offer the local table to
 * the whole network. `createServerFromCommandLineArgs` is the embedding entry
 * point AWS documents; its Jetty connector is reached by reflection, because
 * DynamoDBProxyServer keeps it private, and given a host before it starts.
 * Run with Java's source-file launcher, so nothing is compiled ahead.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("devinsights.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) ((ServerConnector) connector).setHost(host);
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
    proxy.join();
  }
}
