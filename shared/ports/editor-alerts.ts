/** The editors' own channel (SNS topic with staff email subscriptions): urgent cases and the digest. */
export interface EditorAlerts {
  publish(message: { kind: 'alert' | 'digest'; subject: string; text: string }): Promise<void>;
}
