/**
 * The desk's one DynamoDB table, built from shared/resources/table.ts: keys, attribute types, indexes,
 * stream and TTL all come from the definition the local stack uses too.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  type ITableV2,
  ProjectionType,
  StreamViewType,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { createTableInput, tableDefinition } from '../../shared/resources/table.ts';

const attributeTypes = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;

export interface DeskTableProps {
  /** A restored table to use instead of the stack's own (docs/deploy.md, "Restore"). */
  adopted?: { name: string; streamArn: string };
}

export class DeskTable extends Construct {
  readonly table: ITableV2;

  constructor(scope: Construct, id: string, props: DeskTableProps = {}) {
    super(scope, id);
    const indexNames = tableDefinition.indexes.map((index) => index.name);

    if (props.adopted) {
      this.table = TableV2.fromTableAttributes(this, 'Table', {
        tableName: props.adopted.name,
        tableStreamArn: props.adopted.streamArn,
        globalIndexes: indexNames,
      });
      return;
    }

    // The same CreateTable input the local stack sends: attribute types and projections from one place.
    const input = createTableInput('definition');
    const attribute = (name: string): Attribute => {
      const type = input.AttributeDefinitions?.find((definition) => definition.AttributeName === name);
      if (!type?.AttributeType) throw new Error(`No attribute definition for key "${name}"`);
      return { name, type: attributeTypes[type.AttributeType] };
    };

    this.table = new TableV2(this, 'Table', {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      billing: Billing.onDemand(),
      dynamoStream: StreamViewType[tableDefinition.streamView],
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: tableDefinition.indexes.map((index) => {
        const projection = input.GlobalSecondaryIndexes?.find(
          (gsi) => gsi.IndexName === index.name,
        )?.Projection;
        return {
          indexName: index.name,
          partitionKey: attribute(index.partitionKey),
          sortKey: attribute(index.sortKey),
          projectionType: ProjectionType[projection?.ProjectionType ?? 'ALL'],
          nonKeyAttributes: projection?.NonKeyAttributes,
        };
      }),
    });
  }
}
