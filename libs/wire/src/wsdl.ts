/** One operation, document/literal wrapped (soap.md). */
export interface WsdlOperation {
  name: string;
  /** `Request` wraps the fields of this complex type; or plain string parameters. */
  input: { requestType: string } | { params: string[] };
  /** `<name>Result` is a record of this complex type, or a string. */
  output: { resultType: string } | 'string';
}

/** A complex type's element: an optional string, or an element of another complex type (repeated). */
export type WsdlField = string | { name: string; type: string; many?: boolean };

export interface WsdlService {
  name: string;
  namespace: string;
  location: string;
  /** Complex types: name → their elements, in this order (a bare name is an optional string). */
  types: Record<string, WsdlField[]>;
  operations: WsdlOperation[];
}

const element = (f: WsdlField, optional: boolean) =>
  typeof f === 'string'
    ? `<s:element name="${f}" type="s:string"${optional ? ' minOccurs="0"' : ''}/>`
    : `<s:element name="${f.name}" type="tns:${f.type}" minOccurs="0"${f.many ? ' maxOccurs="unbounded"' : ''}/>`;

const seq = (fields: WsdlField[], optional = true) =>
  `<s:sequence>${fields.map((f) => element(f, optional)).join('')}</s:sequence>`;

/** SOAPAction of an operation (both bindings). */
export const soapActionOf = (s: { namespace: string }, op: string) => `${s.namespace}/${op}`;

/** A WSDL 1.1 document with SOAP 1.1 and SOAP 1.2 bindings, from the service description alone. */
export function wsdlFor(s: WsdlService): string {
  const types = Object.entries(s.types)
    .map(([name, fields]) => `<s:complexType name="${name}">${seq(fields)}</s:complexType>`)
    .join('');
  const elements = s.operations
    .map((op) => {
      const input =
        'requestType' in op.input
          ? `<s:sequence><s:element name="Request" type="tns:${op.input.requestType}"/></s:sequence>`
          : seq(op.input.params, false);
      const output =
        op.output === 'string'
          ? `<s:element name="${op.name}Result" type="s:string" minOccurs="0"/>`
          : `<s:element name="${op.name}Result" type="tns:${op.output.resultType}" minOccurs="0"/>`;
      return `<s:element name="${op.name}"><s:complexType>${input}</s:complexType></s:element><s:element name="${op.name}Response"><s:complexType><s:sequence>${output}</s:sequence></s:complexType></s:element>`;
    })
    .join('');
  const messages = s.operations
    .map(
      (op) =>
        `<wsdl:message name="${op.name}SoapIn"><wsdl:part name="parameters" element="tns:${op.name}"/></wsdl:message><wsdl:message name="${op.name}SoapOut"><wsdl:part name="parameters" element="tns:${op.name}Response"/></wsdl:message>`,
    )
    .join('');
  const portOps = s.operations
    .map(
      (op) =>
        `<wsdl:operation name="${op.name}"><wsdl:input message="tns:${op.name}SoapIn"/><wsdl:output message="tns:${op.name}SoapOut"/></wsdl:operation>`,
    )
    .join('');
  const binding = (name: string, p: 'soap' | 'soap12') =>
    `<wsdl:binding name="${name}" type="tns:${s.name}Soap"><${p}:binding transport="http://schemas.xmlsoap.org/soap/http"/>${s.operations
      .map(
        (op) =>
          `<wsdl:operation name="${op.name}"><${p}:operation soapAction="${soapActionOf(s, op.name)}" style="document"/><wsdl:input><${p}:body use="literal"/></wsdl:input><wsdl:output><${p}:body use="literal"/></wsdl:output></wsdl:operation>`,
      )
      .join('')}</wsdl:binding>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="${s.namespace}" targetNamespace="${s.namespace}">
<wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="${s.namespace}">${types}${elements}</s:schema></wsdl:types>
${messages}<wsdl:portType name="${s.name}Soap">${portOps}</wsdl:portType>
${binding(`${s.name}Soap`, 'soap')}${binding(`${s.name}Soap12`, 'soap12')}
<wsdl:service name="${s.name}"><wsdl:port name="${s.name}Soap" binding="tns:${s.name}Soap"><soap:address location="${s.location}"/></wsdl:port><wsdl:port name="${s.name}Soap12" binding="tns:${s.name}Soap12"><soap12:address location="${s.location}"/></wsdl:port></wsdl:service>
</wsdl:definitions>`;
}
