package eu.vetnet.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Resolves {@link LocalService}-annotated {@link ServiceAddress} parameters by starting the service through the launcher. */
public final class LocalServiceExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServiceAddress.class && parameter.isAnnotated(LocalService.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Service service = parameter.findAnnotation(LocalService.class).orElseThrow().value();
        return LocalServices.ensureRunning(service);
    }
}
