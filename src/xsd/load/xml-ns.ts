/**
 * The xml: attributes (Namespaces in XML §3; XML 1.0 §2.10, §2.12; xml:base; xml:id), for schema
 * sets that import the XML namespace without a local copy of its schema. Written here from those
 * specifications so nothing is fetched.
 */

/** Location under which the built-in document is read. */
export const XML_NS_LOCATION = 'vmparams:builtin/xml.xsd';

/** The schema text. */
export const XML_NS_SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang">
    <xs:simpleType><xs:union memberTypes="xs:language"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value=""/></xs:restriction></xs:simpleType></xs:union></xs:simpleType>
  </xs:attribute>
  <xs:attribute name="space">
    <xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
  <xs:attributeGroup name="specialAttrs">
    <xs:attribute ref="xml:base"/>
    <xs:attribute ref="xml:lang"/>
    <xs:attribute ref="xml:space"/>
    <xs:attribute ref="xml:id"/>
  </xs:attributeGroup>
</xs:schema>
`;
