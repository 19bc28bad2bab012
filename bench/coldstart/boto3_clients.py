"""The baseline Messer and credstash start from: import boto3 and create S3 and KMS clients."""
import boto3

session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                region_name="us-east-1")
s3 = session.client("s3")
kms = session.client("kms")
print("clients ready")
