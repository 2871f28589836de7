"""Calls Conduit's SOAP services with Debian's python3-zeep, from the WSDL alone.

usage: /usr/bin/python3 zeep_client.py <json spec>
spec: {"wsdl": url, "endpoint": url, "user": .., "password": .., "soap12": bool,
       "calls": [{"op": name, "args": {...}}]}   (args go in as keyword arguments)
Prints a JSON list with each call's result (a dict of the result's fields, or a string), or
{"fault": message} when the service answered a fault.
"""
import json
import sys

import zeep
from requests import Session
from requests.auth import HTTPBasicAuth
from zeep.helpers import serialize_object
from zeep.transports import Transport

spec = json.loads(sys.argv[1])
session = Session()
session.auth = HTTPBasicAuth(spec["user"], spec["password"])
client = zeep.Client(spec["wsdl"], transport=Transport(session=session))
service_name = next(iter(client.wsdl.services))
service = client.wsdl.services[service_name]
port = [p for p in service.ports.values() if p.name.endswith("Soap12") == bool(spec["soap12"])][0]
proxy = client.create_service(port.binding.name, spec["endpoint"])
out = []
for call in spec["calls"]:
    try:
        result = getattr(proxy, call["op"])(**call["args"])
        value = serialize_object(result)
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v is not None}
        out.append(value)
    except zeep.exceptions.Fault as fault:
        out.append({"fault": fault.message})
print(json.dumps(out, default=str))
