package dev.junction.tck.support;

/** The {@code bean-discovery-mode} of a deployment's {@code beans.xml}. */
public enum BeanDiscovery {

    /** Only classes with a bean-defining annotation are beans (the CDI 4 default). */
    ANNOTATED("annotated"),

    /** Every class of the archive is a bean candidate. */
    ALL("all");

    private final String xmlValue;

    BeanDiscovery(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** @return a complete {@code beans.xml} in this mode */
    String beansXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                       version="4.0" bean-discovery-mode="%s">
                </beans>
                """.formatted(xmlValue);
    }
}
