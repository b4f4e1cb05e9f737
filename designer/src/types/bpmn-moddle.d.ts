// bpmn-moddle ships element types but none for its entry point; this declares the part we use.
declare module 'bpmn-moddle' {
  export interface ModdleNode {
    $type: string;
    id?: string;
    name?: string;
    $attrs?: Record<string, string>;
    rootElements?: ModdleNode[];
    flowElements?: ModdleNode[];
    laneSets?: ModdleNode[];
    lanes?: ModdleNode[];
    flowNodeRef?: ModdleNode[];
    sourceRef?: ModdleNode;
    targetRef?: ModdleNode;
    incoming?: ModdleNode[];
    outgoing?: ModdleNode[];
    default?: ModdleNode;
    conditionExpression?: { body?: string };
    eventDefinitions?: ModdleNode[];
    timeDuration?: { body?: string };
    gatewayDirection?: string;
    diagrams?: ModdleNode[];
    plane?: ModdleNode;
    planeElement?: ModdleNode[];
    bpmnElement?: ModdleNode;
    bounds?: { x: number; y: number; width: number; height: number };
    waypoint?: { x: number; y: number }[];
  }

  export interface ParseResult {
    rootElement: ModdleNode;
    warnings: { message: string }[];
  }

  export class BpmnModdle {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}
